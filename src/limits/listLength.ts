/**
 * The longest list in a request's variables, found on the raw JSON before graphql-js coerces it
 * (coercing 100,000 ccodes, then looking each up, tied up the server for seconds: issue 28 §2).
 * Lists written in the document itself are bounded by MAX_TOKENS already.
 */
import { AppError } from '../errors/index.js';

/** The longest array anywhere in the variables, and where it is ("$input.parties"); one pass, no recursion. */
export function longestList(variables: Record<string, unknown>): { length: number; at: string } {
  let best = { length: 0, at: '' };
  const stack: [unknown, string][] = Object.entries(variables).map(([k, v]) => [v, `$${k}`]);
  while (stack.length) {
    const [v, at] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      if (v.length > best.length) best = { length: v.length, at };
      for (const item of v) if (item && typeof item === 'object') stack.push([item, `${at}[]`]);
    } else for (const [k, c] of Object.entries(v)) if (c && typeof c === 'object') stack.push([c, `${at}.${k}`]);
  }
  return best;
}

/** Refuses (BAD_USER_INPUT, HTTP 400, `limit: 'MAX_LIST_LENGTH'`) variables holding a list longer than `max`. */
export function assertListsWithin(variables: Record<string, unknown>, max: number): void {
  const { length, at } = longestList(variables);
  if (length > max)
    throw new AppError({
      code: 'BAD_USER_INPUT',
      message: `${at} holds ${length} items, the limit is ${max} (MAX_LIST_LENGTH): no list argument of this API needs more.`,
      details: { argument: at, limit: 'MAX_LIST_LENGTH', maxListLength: max, length },
    });
}
