/**
 * The only place that knows how each store returns values.
 *
 * - neo4j-driver: `Integer` objects, temporal classes (`Date`, `DateTime`, ...), `Node`,
 *   `Relationship` and `Path` structures. Recognised by the marker properties the driver's own
 *   predicates test (`neo4j.isInt(v)` is `v.__isInteger__ === true`, `isDate` `v.__isDate__ === true`,
 *   and so on), so that this module does not import the driver: the embedded store never loads it
 *   (about 0.25 s of a warm start; ./openStore.ts imports the Neo4j adapter only for STORE=neo4j).
 *   test/unit/normaliseValue.test.ts feeds it the driver's real classes, so a driver release that
 *   renamed a marker fails there.
 * - Grafeo: numbers (a `bigint` past 2^53), ISO strings for dates, node and edge maps carrying
 *   `_id`/`_labels`/`_type` bookkeeping keys, JS `Date` for timestamps, tagged `{ $decimal }` maps.
 *
 * Out come plain JSON-like values: numbers, strings (dates as `YYYY-MM-DD`), booleans, null,
 * arrays and plain objects holding only a node's or relationship's own properties.
 */

/** The parts of neo4j-driver's value classes used here (see its `Integer`, temporal and graph types). */
interface Neo4jInteger {
  __isInteger__: true;
  inSafeRange(): boolean;
  toNumber(): number;
  toString(): string;
}
/** neo4j-driver's `Date`: its fields are bigints with `useBigInt` (the store's setting), else numbers or Integers. */
interface Neo4jDate {
  year: unknown;
  month: unknown;
  day: unknown;
}
interface Neo4jEntity {
  properties: Record<string, unknown>;
}
interface Neo4jPath {
  start: unknown;
  segments: { end: unknown; relationship: unknown }[];
}

type Marked = Record<string, unknown>;
const TEMPORAL_MARKERS = [
  '__isDate__',
  '__isDateTime__',
  '__isLocalDateTime__',
  '__isLocalTime__',
  '__isTime__',
  '__isDuration__',
] as const;
const ENTITY_MARKERS = ['__isNode__', '__isRelationship__', '__isUnboundRelationship__'] as const;

function bigintToPlain(v: bigint): number | string {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v.toString();
}

const GRAFEO_BOOKKEEPING = new Set(['_id', '_labels', '_type', '_source', '_target']);

/** A neo4j-driver value normalised, or `undefined` when `v` is not one. */
function neo4jValue(v: Marked): unknown {
  if (v.__isInteger__ === true) {
    const i = v as unknown as Neo4jInteger;
    return i.inSafeRange() ? i.toNumber() : i.toString();
  }
  if (v.__isDate__ === true) return isoDate(v as unknown as Neo4jDate) ?? String(v);
  for (const m of TEMPORAL_MARKERS) if (v[m] === true) return String(v);
  for (const m of ENTITY_MARKERS) if (v[m] === true) return normaliseMap((v as unknown as Neo4jEntity).properties);
  if (v.__isPath__ === true) {
    const p = v as unknown as Neo4jPath;
    const nodes = [p.start, ...p.segments.map((s) => s.end)];
    return {
      nodes: nodes.map((n) => normaliseValue(n)),
      relationships: p.segments.map((s) => normaliseValue(s.relationship)),
    };
  }
  return undefined;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * A driver `Date` as `YYYY-MM-DD`, for years 0–9999 (else undefined: the driver's own `toString`, which
 * writes other years with a sign and six digits). The driver's `toString` formats each part through
 * its `Integer` arithmetic, a few microseconds a date: on a page of 50 negotiations with their dates,
 * a few percent of a request's CPU time.
 */
function isoDate(d: Neo4jDate): string | undefined {
  const year = Number(d.year);
  const month = Number(d.month);
  const day = Number(d.day);
  if (!(year >= 0 && year <= 9999 && month >= 1 && day >= 1)) return undefined;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function normaliseValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'number':
    case 'string':
    case 'boolean':
      return value;
    case 'bigint':
      return bigintToPlain(value);
    case 'object':
      break;
    default:
      return String(value);
  }
  if (Array.isArray(value)) return value.map(normaliseValue);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Float32Array || Buffer.isBuffer(value)) return Array.from(value as ArrayLike<number>);
  const obj = value as Record<string, unknown>;
  // Plain maps (Grafeo's rows and entities) have Object.prototype: only the driver's classes carry markers.
  if (Object.getPrototypeOf(obj) !== Object.prototype) {
    const n = neo4jValue(obj);
    if (n !== undefined) return n;
  }
  if ('$decimal' in obj && Object.keys(obj).length === 1) return Number(obj.$decimal);
  if ('$date' in obj && Object.keys(obj).length === 1) return String(obj.$date);
  const isGrafeoEntity = '_id' in obj && ('_labels' in obj || '_type' in obj);
  return normaliseMap(obj, isGrafeoEntity);
}

function normaliseMap(obj: Record<string, unknown>, dropBookkeeping = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // A loop over the keys, not `Object.entries`: no pair array per property of every row.
  for (const k of Object.keys(obj)) {
    if (dropBookkeeping && GRAFEO_BOOKKEEPING.has(k)) continue;
    out[k] = normaliseValue(obj[k]);
  }
  return out;
}

/** Normalises one result row (column name → value). */
export function normaliseRow(row: Record<string, unknown>): Record<string, unknown> {
  return normaliseMap(row);
}
