/**
 * A synthetic graph for growth runs: the shipped record (the curated seed and the published data sets
 * of seed/published/) copied `factor` times along its real dimensions, written by the stores' bulk
 * path (`GraphStore.bulk`: Grafeo's batch calls, Neo4j's UNWIND batches), so that x10 builds in
 * seconds.
 *
 * Copy 0 is the record itself, every node and relationship of it. Copy j is the record again as
 * another state system in a later span of years:
 *
 * - more states: every ccode c becomes c + 10,000 j (ccodes and ATOP ids are under 10,000), with its
 *   spells of system membership and major-power status, its capabilities (state-years), threats,
 *   perceptions, disputes, wars and rivalries; everything that names a ccode names the copy's
 *   (proposers, plan scopes, second codings' target states, recorded allies, ATOP's `owedTo`);
 * - more treaties with memberships: every treaty (a new ATOP id), its phases and member rows;
 * - more negotiations with parties, rounds, proposals, war plans, recorded options, third parties,
 *   what the record does not know, second codings (every other key gets a `~j` suffix);
 * - longer spans of years: the record's facts span 1494-2020 (the rivalries reach furthest back), 527
 *   years; copy j's dates and years are shifted by 527 times its slot, 1 to 15 (slot 1 + (j - 1) mod
 *   15), so that years keep four digits and nothing of a copy reaches into the record's years (a 29
 *   February that lands in a common year becomes the 28th). From x16 on a slot holds several state
 *   systems side by side (x100: six or seven).
 *
 * So each copy has the record's own shape: its degree distributions (members per treaty, parties,
 * rounds and plans per negotiation, spells, state-years, memberships and negotiations per state, ...)
 * are the record's, not invented constants (`recordShape` prints them). Shared by every copy, written
 * once: the sources and their chapters, the eras (a copy's negotiations and treaties are IN_ERA the
 * record's eras: analyses stay over the same eras), the state system node, regions, the data-set
 * records and the data version. Left out of the copies: the CDB90 battles (Battle, Belligerent,
 * BattleDyad) and the Leeds-Savun threat scores, which no API query reads, and the citations of the
 * data-set sources by imported rows (one per row; nothing reads them).
 *
 * Asked about the record's own states, negotiations, treaties and dates 1815-2018, a traversal has the
 * same answer at every factor: a query that reaches the copies before it filters grows with the graph.
 *
 * `statesSpans` (default 1) puts each state system over that many consecutive slots instead: copies
 * 1..n-1 are then the record's own states in later years, so a state of the record has n times its
 * negotiations, treaties, memberships and state-years (the record's states as the case universe
 * grows), and a query that expands a state's whole history before it filters by date grows too.
 *
 *     const record = await buildRecord();                   // the record of seed/ and seed/published/, read once
 *     await applyIndexes(store);                            // graph/schema.cypher, uniqueness as plain indexes
 *     await writeSyntheticGraph(store, record, 10);         // on an empty store
 *     npx tsx scripts/syntheticGraph.ts 10 [--data DIR|none] [--state-spans N]
 *                                                           // builds x10 in memory: time, peak RSS, counts, shape
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GraphStore, NodeHandle, Row, BulkNode, BulkRelationship } from '../src/store/GraphStore.js';
import { readSchemaStatements } from '../src/store/applySchema.js';
import { graphDir, projectRoot } from '../src/paths.js';
import type { DatasetName } from '../src/import/types.js';

/** The record as read from a store: nodes by the store's id, relationships between those ids. */
export interface RecordDump {
  nodes: { id: number; label: string; props: Row }[];
  relationships: { from: number; to: number; type: string; props: Row }[];
}

/** Written once, shared by every copy. */
const SHARED = new Set(['Source', 'Chapter', 'Era', 'StateSystem', 'DataSet', 'DataVersion', 'Region']);
/** In the record (copy 0) only: no API query reads them. */
const NOT_COPIED = new Set(['Battle', 'Belligerent', 'BattleDyad', 'ThreatScore']);
/** ccodes (and ATOP ids) are under this: state system s adds s times it to ccodes, copy j j times it to ATOP ids. */
export const CCODE_STEP = 10_000;

/** Integer properties holding years, by label. */
const YEARS: Record<string, readonly string[]> = {
  Capability: ['year'],
  Dispute: ['startYear', 'endYear'],
  War: ['startYear', 'endYear'],
  Treaty: ['signedYear'],
  Rivalry: ['startYear', 'endYear'],
};
/** String properties holding ISO dates (the Old Style dates of the record), by label. */
const DATE_STRINGS: Record<string, readonly string[]> = {
  Negotiation: ['startOldStyle', 'endOldStyle'],
  Proposal: ['dateOldStyle'],
};
/** Integer (or integer list) properties holding ccodes, by label. */
const CCODES: Record<string, readonly string[]> = {
  State: ['ccode'],
  Capability: ['ccode'],
  Rivalry: ['ccode1', 'ccode2'],
  RecordedOption: ['ally'],
  Proposal: ['proposers'],
  WarPlan: ['scopeStates'],
  SecondCoding: ['targetStates'],
};

interface Model {
  nodes: Record<string, { properties: Record<string, string> }>;
  relationships: Record<string, { properties?: Record<string, string> }>;
}

let dateKeysByName: Map<string, string[]> | undefined;
/** The date properties of a label or relationship type, from graph/model.json. */
export function dateKeys(name: string): readonly string[] {
  if (!dateKeysByName) {
    const model = JSON.parse(readFileSync(join(graphDir, 'model.json'), 'utf8')) as Model;
    dateKeysByName = new Map();
    for (const [n, d] of [...Object.entries(model.nodes), ...Object.entries(model.relationships)])
      dateKeysByName.set(
        n,
        Object.entries(d.properties ?? {}).flatMap(([k, t]) => (t === 'date' ? [k] : [])),
      );
  }
  return dateKeysByName.get(name) ?? [];
}

/**
 * graph/schema.cypher with its uniqueness constraints as plain indexes on the same properties (the same
 * lookups): on Grafeo 0.6 writes under a uniqueness constraint slow down with the size of the label
 * (graph/schema.cypher). The bulk path checks no constraint anyway; copies keep keys unique.
 */
export async function applyIndexes(store: GraphStore): Promise<void> {
  for (const s of readSchemaStatements()) {
    const m = /^CREATE CONSTRAINT (\w+) IF NOT EXISTS FOR \((\w+):(\w+)\) REQUIRE \w+\.(\w+) IS UNIQUE$/.exec(s);
    await store.write(
      m ? `CREATE INDEX ${m[1]} IF NOT EXISTS FOR (${m[2]}:${m[3]}) ON (${m[2]}.${m[4]})` : s,
      {},
      'graph/schema.cypher',
    );
  }
}

/** Every node and relationship of a store (an embedded one: ids are Grafeo's). */
export async function readRecord(store: GraphStore): Promise<RecordDump> {
  const nodes = await store.read(
    'MATCH (n) RETURN id(n) AS id, labels(n) AS labels, properties(n) AS props',
    {},
    'synthetic-read-nodes',
  );
  const relationships = await store.read(
    'MATCH (a)-[r]->(b) RETURN id(a) AS from, type(r) AS type, properties(r) AS props, id(b) AS to',
    {},
    'synthetic-read-relationships',
  );
  return {
    nodes: nodes.map((n) => {
      const labels = n.labels as string[];
      if (labels.length !== 1) throw new Error(`a node with labels ${labels.join(', ')}: one label expected`);
      return { id: n.id as number, label: labels[0]!, props: n.props as Row };
    }),
    relationships: relationships.map((r) => ({
      from: r.from as number,
      to: r.to as number,
      type: r.type as string,
      props: r.props as Row,
    })),
  };
}

/**
 * The record of the checkout: the curated seed and the published data sets of `data` (default
 * seed/published/, as `npm start` imports them; null: the seed alone; `only`: those data sets),
 * written the ordinary way (src/seed, src/import) into an in-memory store and read back.
 */
export async function buildRecord(
  data: string | null = join(projectRoot, 'seed', 'published'),
  options: { only?: readonly DatasetName[] } = {},
): Promise<RecordDump & { ms: number }> {
  const { applySchema, CypherRegistry, GrafeoStore, QueryExecutor } = await import('../src/store/index.js');
  const { loadSeed } = await import('../src/seed/loadSeed.js');
  const t0 = performance.now();
  const store = GrafeoStore.open();
  try {
    await applySchema(store);
    const executor = new QueryExecutor(store, CypherRegistry.load());
    await loadSeed(executor);
    if (data) {
      const { importAll } = await import('../src/import/index.js');
      await importAll(executor, data, { only: options.only });
    }
    return { ...(await readRecord(store)), ms: Math.round(performance.now() - t0) };
  } finally {
    await store.close();
  }
}

/**
 * The years the record's copied facts span (dates and years of every node and relationship copies
 * repeat: the rivalries reach back to 1494): each span of copies starts after the one before ends,
 * so nothing of a copy reaches into the record's years.
 */
export function recordYears(record: RecordDump): { from: number; to: number } {
  let from = Infinity;
  let to = -Infinity;
  const see = (v: unknown) => {
    const y = typeof v === 'number' ? v : typeof v === 'string' && /^\d{4}-/.test(v) ? Number(v.slice(0, 4)) : NaN;
    if (Number.isFinite(y)) {
      from = Math.min(from, y);
      to = Math.max(to, y);
    }
  };
  const labelOf = new Map(record.nodes.map((n) => [n.id, n.label]));
  for (const n of record.nodes) {
    if (SHARED.has(n.label) || NOT_COPIED.has(n.label)) continue;
    for (const k of [...dateKeys(n.label), ...(DATE_STRINGS[n.label] ?? []), ...(YEARS[n.label] ?? [])])
      see(n.props[k]);
  }
  for (const r of record.relationships) {
    if (NOT_COPIED.has(labelOf.get(r.from)!) || NOT_COPIED.has(labelOf.get(r.to)!)) continue;
    for (const k of dateKeys(r.type)) see(r.props[k]);
  }
  return { from, to };
}

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Where copy j sits: its state system, and its slot of years (0: the record's own years; `slots`
 * later ones). Each state system spans `stateSpans` consecutive slots (the first copy of a system
 * writes its states); systems other than the record's keep out of slot 0.
 */
export function placeOf(j: number, stateSpans: number, slots: number): { system: number; slot: number } {
  const system = Math.floor(j / stateSpans);
  const k = j % stateSpans;
  if (system === 0) return { system, slot: k };
  return { system, slot: 1 + (((system - 1) * stateSpans + k) % slots) };
}

/** The properties of a node or relationship in copy j (at `place`): ccodes, keys, dates and years of the copy. */
function copyProps(
  name: string,
  props: Row,
  j: number,
  place: { system: number; slot: number },
  spanYears: number,
  dates: readonly string[],
): Row {
  if (j === 0) return props;
  const years = spanYears * place.slot;
  const offset = CCODE_STEP * place.system;
  // A 29 February in a year that is not a leap year becomes the 28th.
  const shift = (v: unknown) => {
    if (typeof v !== 'string' || !/^\d{4}-/.test(v)) return v;
    const y = Number(v.slice(0, 4)) + years;
    return `${y}${v.slice(4, 10) === '-02-29' && !leap(y) ? '-02-28' : v.slice(4)}`;
  };
  const ccode = (v: unknown) => (typeof v === 'number' ? v + offset : v);
  const out: Row = { ...props };
  for (const k of dates) if (k in out) out[k] = shift(out[k]);
  for (const k of DATE_STRINGS[name] ?? []) if (k in out) out[k] = shift(out[k]);
  for (const k of YEARS[name] ?? []) if (typeof out[k] === 'number') out[k] = (out[k] as number) + years;
  for (const k of CCODES[name] ?? []) {
    const v = out[k];
    if (Array.isArray(v)) out[k] = v.map(ccode);
    else if (k in out) out[k] = ccode(v);
  }
  if (typeof out.atopId === 'number') out.atopId = out.atopId + CCODE_STEP * j;
  if (name === 'MEMBER_OF' && Array.isArray(out.owedTo))
    out.owedTo = (out.owedTo as string[]).map((o) => o.replace(/:(\d+)$/, (_, c: string) => `:${Number(c) + offset}`));
  if (name === 'State') {
    out.abbrev = `${String(out.abbrev)}~${place.system}`;
    out.name = `${String(out.name)} ~${place.system}`;
  } else if (name === 'Capability') out.id = `${String(out.ccode)}-${String(out.year)}`;
  else if (typeof out.id === 'string') out.id = `${out.id}~${j}`;
  if ((name === 'Negotiation' || name === 'Treaty' || name === 'Threat') && typeof out.name === 'string')
    out.name = `${out.name} ~${j}`;
  return out;
}

export interface SyntheticSummary {
  factor: number;
  nodes: number;
  relationships: number;
  /** Time of the bulk writes. */
  ms: number;
}

/**
 * Writes `factor` copies of `record` (copy 0: the record) into `store`, empty with its indexes
 * applied (`applyIndexes`), by the store's bulk path. Copies are written a few at a time (about
 * 50,000 nodes a group), each group's nodes, then its relationships.
 */
export async function writeSyntheticGraph(
  store: GraphStore,
  record: RecordDump,
  factor: number,
  options: { stateSpans?: number } = {},
): Promise<SyntheticSummary> {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`factor must be a positive integer, got ${factor}`);
  const stateSpans = options.stateSpans ?? 1;
  const bulk = store.bulk;
  if (!bulk) throw new Error(`the ${store.kind} store has no bulk path`);
  const t0 = performance.now();
  const years = recordYears(record);
  const spanYears = years.to - years.from + 1;
  // The later slots whose years keep four digits.
  const slots = Math.floor((9999 - years.to) / spanYears);
  if (stateSpans < 1 || stateSpans > slots + 1)
    throw new Error(`stateSpans must be 1 to ${slots + 1} (the slots of years up to 9999), got ${stateSpans}`);
  const labelOf = new Map(record.nodes.map((n) => [n.id, n.label]));
  const isShared = (id: number) => SHARED.has(labelOf.get(id)!);
  const isState = (id: number) => labelOf.get(id) === 'State';
  const datasetSources = new Set(
    record.nodes.filter((n) => n.label === 'Source' && n.props.kind === 'DATASET').map((n) => n.id),
  );
  // A copy's nodes: with its states (the first span of a new state system), or without (they exist).
  const withStates = record.nodes.filter((n) => !SHARED.has(n.label) && !NOT_COPIED.has(n.label));
  const withoutStates = withStates.filter((n) => n.label !== 'State');
  const indexIn = (list: typeof withStates) => new Map(list.map((n, i) => [n.id, i]));
  const inWith = indexIn(withStates);
  const inWithout = indexIn(withoutStates);
  const inRecord = indexIn(record.nodes);
  const states = record.nodes.filter((n) => n.label === 'State');
  // A copy's relationships: none touching what copies leave out, none written before: between shared
  // nodes (a source's chapters), a state's own citations (written with the state).
  const relationshipsOf = (newStates: boolean) =>
    record.relationships.filter(
      (r) =>
        !NOT_COPIED.has(labelOf.get(r.from)!) &&
        !NOT_COPIED.has(labelOf.get(r.to)!) &&
        !(r.type === 'CITES' && datasetSources.has(r.to)) &&
        !(isShared(r.from) && isShared(r.to)) &&
        !(!newStates && r.type === 'CITES' && isState(r.from)),
    );
  const relsWith = relationshipsOf(true);
  const relsWithout = relationshipsOf(false);
  let recordHandles: NodeHandle[] = [];
  /** The state nodes of each state system, by their place in `states`. */
  const systemStates = new Map<number, NodeHandle[]>();
  let nodes = 0;
  let relationships = 0;
  const perGroup = Math.max(1, Math.floor(50_000 / Math.max(1, withStates.length)));
  for (let first = 0; first < factor; first += first === 0 ? 1 : perGroup) {
    // Copy 0 alone (the whole record, shared nodes included), then groups of copies.
    const copies = (
      first === 0 ? [0] : Array.from({ length: Math.min(perGroup, factor - first) }, (_, i) => first + i)
    ).map((j) => {
      const place = placeOf(j, stateSpans, slots);
      return { j, place, newStates: j > 0 && j % stateSpans === 0, offset: 0 };
    });
    const batch: BulkNode[] = [];
    for (const c of copies) {
      c.offset = batch.length;
      for (const n of c.j === 0 ? record.nodes : c.newStates ? withStates : withoutStates)
        batch.push({
          label: n.label,
          props: copyProps(n.label, n.props, c.j, c.place, spanYears, dateKeys(n.label)),
        });
    }
    const handles = await bulk.createNodes(batch, dateKeys);
    if (first === 0) {
      recordHandles = handles;
      systemStates.set(
        0,
        states.map((n) => handles[inRecord.get(n.id)!]!),
      );
    }
    for (const c of copies)
      if (c.newStates)
        systemStates.set(
          c.place.system,
          states.map((n) => handles[c.offset + inWith.get(n.id)!]!),
        );
    const stateIndex = new Map(states.map((n, i) => [n.id, i]));
    const end = (c: (typeof copies)[number], id: number): NodeHandle => {
      if (c.j === 0 || isShared(id)) return recordHandles[inRecord.get(id)!]!;
      if (isState(id)) return systemStates.get(c.place.system)![stateIndex.get(id)!]!;
      return handles[c.offset + (c.newStates ? inWith : inWithout).get(id)!]!;
    };
    const rels: BulkRelationship[] = [];
    for (const c of copies)
      for (const r of c.j === 0 ? record.relationships : c.newStates ? relsWith : relsWithout)
        rels.push({
          type: r.type,
          from: end(c, r.from),
          to: end(c, r.to),
          props: copyProps(r.type, r.props, c.j, c.place, spanYears, dateKeys(r.type)),
        });
    await bulk.createRelationships(rels, dateKeys);
    nodes += batch.length;
    relationships += rels.length;
  }
  return { factor, nodes, relationships, ms: Math.round(performance.now() - t0) };
}

/** Quantiles of a list of counts: min, median, 90th percentile, max, and the mean. */
function quantiles(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return `n ${s.length}, min ${s[0] ?? 0}, median ${at(0.5)}, p90 ${at(0.9)}, max ${s[s.length - 1] ?? 0}, mean ${mean.toFixed(2)}`;
}

/**
 * The degree distributions of a record (one copy's, since copies repeat it): per treaty its member
 * rows, per negotiation its parties, rounds, proposals and war plans, per state its spells,
 * state-years, memberships and negotiations, per year the negotiations under way.
 */
export function recordShape(record: RecordDump): Record<string, string> {
  const labelOf = new Map(record.nodes.map((n) => [n.id, n.label]));
  const count = (label: string, type: string, side: 'from' | 'to') => {
    const c = new Map<number, number>(record.nodes.filter((n) => n.label === label).map((n) => [n.id, 0]));
    for (const r of record.relationships)
      if (r.type === type && labelOf.get(r[side]) === label) c.set(r[side], (c.get(r[side]) ?? 0) + 1);
    return [...c.values()];
  };
  const years = new Map<number, number>();
  for (const n of record.nodes)
    if (n.label === 'Negotiation' && typeof n.props.start === 'string' && typeof n.props.end === 'string')
      for (let y = Number(n.props.start.slice(0, 4)); y <= Number(n.props.end.slice(0, 4)); y++)
        years.set(y, (years.get(y) ?? 0) + 1);
  return {
    'members per treaty (MEMBER_OF rows)': quantiles(count('Treaty', 'MEMBER_OF', 'to')),
    'phases per treaty': quantiles(count('Treaty', 'HAS_PHASE', 'from')),
    'parties per negotiation': quantiles(count('Negotiation', 'PARTY_TO', 'to')),
    'rounds per negotiation': quantiles(count('Negotiation', 'HAS_ROUND', 'from')),
    'proposals per negotiation': quantiles(count('Negotiation', 'HAS_PROPOSAL', 'from')),
    'war plans per negotiation': quantiles(count('Negotiation', 'HAS_WAR_PLAN', 'from')),
    'system spells per state': quantiles(count('State', 'IN_SYSTEM', 'from')),
    'state-years (capabilities) per state': quantiles(count('State', 'HAS_CAPABILITY', 'from')),
    'treaty memberships per state': quantiles(count('State', 'MEMBER_OF', 'from')),
    'negotiations per state': quantiles(count('State', 'PARTY_TO', 'from')),
    'dispute participations per state': quantiles(count('State', 'PARTICIPATED_IN', 'from')),
    'negotiations under way per year (years with any)': quantiles([...years.values()]),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { GrafeoStore } = await import('../src/store/index.js');
  const args = process.argv.slice(2);
  const factor = Number(args[0] && /^\d+$/.test(args[0]) ? args[0] : 10);
  const i = args.indexOf('--data');
  const data = i >= 0 ? (args[i + 1] === 'none' ? null : args[i + 1]!) : undefined;
  const k = args.indexOf('--state-spans');
  const stateSpans = k >= 0 ? Number(args[k + 1]) : 1;
  const record = await buildRecord(data);
  console.log(
    `record: ${record.nodes.length} nodes, ${record.relationships.length} relationships, built the ordinary way in ${record.ms} ms`,
  );
  for (const [k, v] of Object.entries(recordShape(record))) console.log(`  ${k}: ${v}`);
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const store = GrafeoStore.open();
  await applyIndexes(store);
  const summary = await writeSyntheticGraph(store, record, factor, { stateSpans });
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `x${factor}: ${summary.nodes} nodes, ${summary.relationships} relationships, bulk-written in ${summary.ms} ms; ` +
      `RSS ${(rss0 / 2 ** 20).toFixed(0)} MiB before, peak ${(peak / 2 ** 20).toFixed(0)} MiB during the build`,
  );
  const counts = await store.read('MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n ORDER BY label', {}, 'x');
  console.log(counts.map((c) => `${String(c.label)} ${String(c.n)}`).join(', '));
  await store.close();
}
