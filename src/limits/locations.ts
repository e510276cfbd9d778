/**
 * graphql-js computes an error's line and column by scanning the document's text from its start
 * (all of it, on a one-line document), once per error: in a large document with many fields failing
 * at a deadline, that is a long stretch of event loop. Past this size, execution errors carry `path`
 * but no `locations` (useCostLimit drops them), and documents are parsed and validated off the main
 * thread (./offThreadDocuments.ts), whose worker sends them back without locations.
 */
export const LOCATION_FREE_FROM = 16_000;

/** Deletes every `loc` of an AST in place (iteratively: a deep document cannot overflow the stack here). */
export function dropLocations(node: unknown): void {
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (Array.isArray(n)) {
      for (const c of n) stack.push(c);
      continue;
    }
    const o = n as Record<string, unknown>;
    if ('loc' in o) delete o.loc;
    for (const k in o) {
      const v = o[k];
      if (v && typeof v === 'object') stack.push(v);
    }
  }
}
