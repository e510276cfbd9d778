/**
 * Memory held by cached values, in bytes (issue 28 §6: caches bounded by entries let RSS grow from
 * 223 to 1,465 MB over 30,000 fuzzed requests). `approxBytes` estimates what V8 holds for a value
 * of plain data (rows, scored results): strings at one byte a character plus a header, numbers and
 * other scalars a slot, arrays and objects a header and a slot per element or property. An estimate,
 * not a measure (V8 shares hidden classes and interns some strings), within a small factor of what
 * the heap grows by; `ByteLru` keeps the least recently used entries out past a budget of such bytes.
 */

const STRING_HEADER = 16;
const SLOT = 8;
const OBJECT_HEADER = 24;
const ARRAY_HEADER = 16;
/** Deeper than this, a value counts as a slot (the cached values are shallow; this only stops a cycle). */
const MAX_DEPTH = 32;

export function approxBytes(value: unknown, depth = 0): number {
  switch (typeof value) {
    case 'string':
      return STRING_HEADER + value.length;
    case 'number':
    case 'boolean':
    case 'undefined':
    case 'bigint':
    case 'symbol':
    case 'function':
      return SLOT;
    case 'object':
      break;
  }
  if (value === null || depth >= MAX_DEPTH) return SLOT;
  if (Array.isArray(value)) {
    let n = ARRAY_HEADER + SLOT * value.length;
    for (const v of value) n += approxBytes(v, depth + 1);
    return n;
  }
  if (value instanceof Date) return OBJECT_HEADER + SLOT;
  if (value instanceof Map) {
    let n = OBJECT_HEADER;
    for (const [k, v] of value) n += 2 * SLOT + approxBytes(k, depth + 1) + approxBytes(v, depth + 1);
    return n;
  }
  let n = OBJECT_HEADER;
  for (const k in value as Record<string, unknown>)
    n += SLOT + approxBytes((value as Record<string, unknown>)[k], depth + 1);
  return n;
}

/** What a cache holds, for /metrics. */
export interface CacheFigures {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
}

/**
 * Least recently used entries dropped past `maxBytes` (their `approxBytes`, or the size given); an
 * entry larger than a quarter of the budget is not kept at all (it would flush the rest).
 */
export class ByteLru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private total = 0;
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    this.entries.delete(key); // most recently used last
    this.entries.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V, bytes = approxBytes(value) + STRING_HEADER + key.length): void {
    this.delete(key);
    if (bytes > this.maxBytes / 4) return;
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [k] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.delete(k);
    }
  }

  delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.total -= e.bytes;
    this.entries.delete(key);
  }

  figures(): CacheFigures {
    return {
      entries: this.entries.size,
      bytes: this.total,
      maxBytes: this.maxBytes,
      hits: this.hits,
      misses: this.misses,
    };
  }
}
