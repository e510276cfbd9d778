/** Guards against programmer mistakes; failures are bugs, masked as internal errors for clients. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant violation: ${message}`);
}
