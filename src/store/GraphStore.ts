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
  /** For the log: the store's own words (may name an address or a path). */
  detail: string;
  /** When not ok, why, in words any client may read (no address, path or driver message): /readyz's `reason`. */
  reason?: string;
}

export type StoreKind = 'embedded' | 'neo4j';

/** How one read may end early. */
export interface ReadOptions {
  /**
   * The request's deadline or cancellation: once aborted the read rejects with `signal.reason` at
   * once, whatever the store is doing (waiting for a connection, retrying), and is retried no more.
   */
  signal?: AbortSignal;
}

/** A node as the bulk path of `GraphStore.bulk` takes it: one label, its properties. */
export interface BulkNode {
  label: string;
  props: Row;
}

/** What `BulkWriter.createNodes` returns for a node: the store's own id (Grafeo) or element id (Neo4j). */
export type NodeHandle = number | string;

/** A relationship for the bulk path, between nodes created by it (their handles). */
export interface BulkRelationship {
  type: string;
  from: NodeHandle;
  to: NodeHandle;
  props: Row;
}

/**
 * The properties holding dates, by label or relationship type (from graph/model.json): the bulk
 * path takes them as ISO strings (`YYYY-MM-DD`) and stores Cypher dates, as `date($iso)` does.
 */
export type DateKeys = (labelOrType: string) => readonly string[];

/**
 * Creation without MERGE, lookups or one statement per row, for synthetic graphs (benches, growth
 * tests): the fastest way each store has to take many nodes and relationships. It checks nothing
 * (not even the uniqueness the seed and importers keep by MERGE); the ordinary writes are `write`
 * and `transaction`.
 */
export interface BulkWriter {
  /** Creates the nodes; returns their handles, in order. */
  createNodes(nodes: readonly BulkNode[], dates: DateKeys): Promise<NodeHandle[]>;
  createRelationships(relationships: readonly BulkRelationship[], dates: DateKeys): Promise<void>;
}

export interface GraphStore {
  readonly kind: StoreKind;
  /** Runs a read-only statement (routed to a reader in a Neo4j cluster). */
  read(text: string, params: Params, tag: string, options?: ReadOptions): Promise<Row[]>;
  /**
   * Where nothing but this object can change the data (the embedded store: one process holds its
   * file), a count of the writes made through it: the data version without a round trip. Absent
   * where others may write (Neo4j: another process, an operator): the version is read from the graph.
   */
  readonly writesSeen?: () => number;
  /**
   * Where the store keeps the record of its last commit (the embedded store's file; see
   * commitMarker.ts): the executor writes it after each write, the commands compare it at open.
   */
  readonly commitMarkerFile?: string;
  /** Runs one writing statement in its own transaction. */
  write(text: string, params: Params, tag: string): Promise<Row[]>;
  /** Runs several writing statements in one transaction; rolls back if `work` throws. */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>, tag: string): Promise<T>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
  /** The bulk path (see `BulkWriter`); both adapters have one. */
  readonly bulk?: BulkWriter;
}
