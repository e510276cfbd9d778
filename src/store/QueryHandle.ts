/**
 * A typed handle on one named Cypher file: its name, whether it writes, and (in the type only) its
 * parameters and row type. The handles are generated from the files' headers into
 * `queries.gen.ts`; the executor takes a handle, so a misspelt query name or a wrong parameter is
 * a compile error, and every row comes back typed.
 */
export interface QueryHandle<P, R> {
  readonly name: string;
  readonly mode: 'READ' | 'WRITE';
  /** Phantom: carries the parameter and row types; never set. */
  readonly __types?: { params: P; row: R };
}

export type ParamsOf<Q> = Q extends QueryHandle<infer P, unknown> ? P : never;
export type RowOf<Q> = Q extends QueryHandle<never, infer R> ? R : never;

export function defineQuery<P, R>(name: string, mode: 'READ' | 'WRITE'): QueryHandle<P, R> {
  return Object.freeze({ name, mode });
}
