/**
 * A typed handle on one named Cypher file: its name, whether it writes, and (in the type only) its
 * parameters and row type. The handles are generated from the files' headers into
 * `queries.gen.ts`; the executor takes nothing else, so a misspelt query name or a wrong parameter is
 * a compile error, and every row comes back typed.
 *
 * The parameters are contravariant (`in P`): a handle can stand where fewer parameters would be
 * given only if it needs no more, so a generic helper typed `QueryHandle<{ ids: K[] }, R>` refuses
 * a query that also needs `$from`. The rows are covariant (`out R`).
 */
export interface QueryHandle<in P, out R> {
  readonly name: string;
  readonly mode: 'READ' | 'WRITE';
  /** Phantom: carries the parameter and row types; never set. */
  readonly __types?: { params: (params: P) => void; row: R };
}

/** Any handle, whatever its parameters and rows (what the executor resolves by name). */
export type AnyQueryHandle = QueryHandle<never, unknown>;

export type ParamsOf<Q> = Q extends QueryHandle<infer P, unknown> ? P : never;
export type RowOf<Q> = Q extends QueryHandle<never, infer R> ? R : never;

export function defineQuery<P, R>(name: string, mode: 'READ' | 'WRITE'): QueryHandle<P, R> {
  return Object.freeze({ name, mode });
}
