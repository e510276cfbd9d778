/**
 * The only place that knows how each store returns values.
 *
 * - neo4j-driver: `Integer` objects, temporal classes (`Date`, `DateTime`, ...), `Node`,
 *   `Relationship` and `Path` structures.
 * - Grafeo: numbers (a `bigint` past 2^53), ISO strings for dates, node and edge maps carrying
 *   `_id`/`_labels`/`_type` bookkeeping keys, JS `Date` for timestamps, tagged `{ $decimal }` maps.
 *
 * Out come plain JSON-like values: numbers, strings (dates as `YYYY-MM-DD`), booleans, null,
 * arrays and plain objects holding only a node's or relationship's own properties.
 */
import neo4j from 'neo4j-driver';

const { isInt, isDate, isDateTime, isLocalDateTime, isLocalTime, isTime, isDuration, isNode, isRelationship, isPath, isUnboundRelationship } = neo4j;

function bigintToPlain(v: bigint): number | string {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v.toString();
}

const GRAFEO_BOOKKEEPING = new Set(['_id', '_labels', '_type', '_source', '_target']);

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
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isLocalTime(value) || isTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isNode(value) || isRelationship(value) || isUnboundRelationship(value)) return normaliseMap(value.properties as Record<string, unknown>);
  if (isPath(value)) {
    const nodes = [value.start, ...value.segments.map((s) => s.end)];
    return { nodes: nodes.map((n) => normaliseValue(n)), relationships: value.segments.map((s) => normaliseValue(s.relationship)) };
  }
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Float32Array || Buffer.isBuffer(value)) return Array.from(value as ArrayLike<number>);
  const obj = value as Record<string, unknown>;
  if ('$decimal' in obj && Object.keys(obj).length === 1) return Number(obj.$decimal);
  if ('$date' in obj && Object.keys(obj).length === 1) return String(obj.$date);
  const isGrafeoEntity = '_id' in obj && ('_labels' in obj || '_type' in obj);
  return normaliseMap(obj, isGrafeoEntity);
}

function normaliseMap(obj: Record<string, unknown>, dropBookkeeping = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (dropBookkeeping && GRAFEO_BOOKKEEPING.has(k)) continue;
    out[k] = normaliseValue(v);
  }
  return out;
}

/** Normalises one result row (column name → value). */
export function normaliseRow(row: Record<string, unknown>): Record<string, unknown> {
  return normaliseMap(row);
}
