/**
 * The one small interface both stores implement. It runs Cypher *text*: naming, logging and
 * counting happen one level up, in `QueryExecutor`, so the adapters stay thin and alike.
 *
 * Rows come back already normalised (see `normaliseValue`): plain numbers, ISO date strings,
 * arrays and plain objects, whichever store produced them.
 */
export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** A unit of work inside one transaction: every statement commits together or not at all. */
export interface StoreTransaction {
  run(text: string, params: Params, tag: string): Promise<Row[]>;
}

export interface StoreHealth {
  ok: boolean;
  store: StoreKind;
  detail: string;
}

export type StoreKind = 'embedded' | 'neo4j';

export interface GraphStore {
  readonly kind: StoreKind;
  /** Runs a read-only statement (routed to a reader in a Neo4j cluster). */
  read(text: string, params: Params, tag: string): Promise<Row[]>;
  /** Runs one writing statement in its own transaction. */
  write(text: string, params: Params, tag: string): Promise<Row[]>;
  /** Runs several writing statements in one transaction; rolls back if `work` throws. */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>, tag: string): Promise<T>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}
