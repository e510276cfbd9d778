/**
 * The write steps of an import, each built from the typed handle of its Cypher file: the rows a
 * step sends (held, or streamed from the files) must be what the file's header declares for
 * `$rows`, and its other parameters what the header declares besides, so a row builder that drifts
 * from its query is a compile error. `runImport` sends any step's rows in UNWIND batches without
 * knowing their type.
 */
import type { NamedTransaction } from '../store/QueryExecutor.js';
import type { AnyQueryHandle, QueryHandle } from '../store/QueryHandle.js';

/**
 * Rows read again from the files while writing (the second reading, `rereadCsv`): the first reading
 * validated them and kept only what cross-row checks need, so memory does not grow with the file.
 */
export interface StreamedRows<R = Row> {
  /** How many rows `each` hands over (counted by the first reading). */
  count: number;
  /** Reads the file(s) again and hands each row to `emit`, in order, awaiting what `emit` returns. */
  each(emit: (row: R) => void | Promise<void>): Promise<void>;
}

/** One named query run over rows in UNWIND batches (whatever its row type: see `writeStep`). */
export interface WriteStep {
  query: AnyQueryHandle;
  /** Rows held in memory (a few: states, wars), or streamed from the files in the write. */
  rows: readonly Row[] | StreamedRows;
  /**
   * Send the rows grouped by this field, as `{<field>, items: [rows]}` (batched by row count): the
   * query then looks the state up once per group instead of once per row, which on Grafeo 0.6 makes
   * the state-year imports ~35% faster.
   */
  groupBy?: string;
  /** Runs the query on one batch (rows, or groups of rows), with the step's other parameters. */
  send(tx: NamedTransaction, batch: Row[]): Promise<unknown>;
}

type Row = Record<string, unknown>;
/** A write query's parameters: `$rows` and maybe others. */
type WriteParams = { rows: readonly Row[] };
/** What a write query takes for each element of `$rows`. */
type RowOf<P extends WriteParams> = P['rows'][number];
/** The parameters of a write query besides `$rows` (the source key ...). */
type OtherParams<P extends WriteParams> = Omit<P, 'rows'>;
type Rows<R> = readonly R[] | StreamedRows<R>;
/** `params` is required when the query takes parameters besides `$rows`. */
type ParamsField<P extends WriteParams> = keyof OtherParams<P> extends never
  ? { params?: OtherParams<P> }
  : { params: OtherParams<P> };

/** A write query's parameters from its other parameters and a batch of rows (typed by the callers). */
const withRows = <P extends WriteParams>(params: OtherParams<P> | undefined, rows: readonly unknown[]) =>
  ({ ...params, rows }) as P;

/** A step that runs `query` on its rows, `$rows` being the rows of each batch. */
export function writeStep<P extends WriteParams>(
  query: QueryHandle<P, unknown>,
  step: { rows: Rows<NoInfer<RowOf<P>>> } & NoInfer<ParamsField<P>>,
): WriteStep {
  return {
    query,
    rows: step.rows,
    send: (tx, batch) => tx.run(query, withRows<P>(step.params, batch)),
  };
}

/**
 * A query run once after the write steps, in the same transaction: it removes what the files no longer
 * hold (what the steps' rows did not stamp), or withdraws the data set's part of a node another writer
 * also holds, so a re-import replaces the data set (README, "Re-imports replace").
 */
export interface RemoveStep {
  query: AnyQueryHandle;
  run(tx: NamedTransaction): Promise<unknown>;
}

/** A removal step running `query` with `params`. */
export function removeStep<P>(query: QueryHandle<P, unknown>, params: P): RemoveStep {
  return { query, run: (tx) => tx.run(query, params) };
}

/** A grouped write query's parameters (`$rows: {ccode, items: [...]}[]`). */
type GroupedParams = { rows: readonly { items: readonly Row[] }[] };
/** The rows inside each group of a grouped write query. */
type ItemOf<P extends GroupedParams> = P['rows'][number]['items'][number];

/**
 * A step whose query takes its rows grouped by `groupBy` (`$rows: {<groupBy>, items: [rows]}[]`):
 * the rows are given one by one and grouped in each batch.
 */
export function groupedWriteStep<
  P extends GroupedParams & WriteParams,
  G extends keyof ItemOf<P> & keyof RowOf<P> & string,
>(
  query: QueryHandle<P, unknown>,
  groupBy: G,
  step: { rows: Rows<NoInfer<ItemOf<P>>> } & NoInfer<ParamsField<P>>,
): WriteStep {
  return {
    query,
    groupBy,
    rows: step.rows,
    send: (tx, batch) => tx.run(query, withRows<P>(step.params, batch)),
  };
}
