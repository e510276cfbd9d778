/**
 * Evidence that a state stood against a target state at a date, gathered in one batched query per
 * kind of evidence for any number of (state, window) requests:
 *
 * | kind | from | weight (`EVIDENCE_WEIGHT`, src/domain/evidence.ts) |
 * |---|---|---|
 * | TREATY | a treaty in force at the date, directed against a threat the target poses | 3 |
 * | WAR_PLAN | an IDEAL war plan aimed at the target, in a negotiation overlapping the window | 3 |
 * | WAR | fighting a COW inter-state war against the target within the window | 3 |
 * | RIVALRY | a strategic rivalry with the target active at the date | 2 |
 * | PERCEPTION | a curated perception of a threat posed by the target at the date | 2 |
 * | DISPUTE | a militarized interstate dispute against the target within the window | 1 |
 *
 * The window is [date − windowYears, date]; point-in-time kinds (treaty, rivalry, perception) are
 * read at its end.
 */
import type { QueryExecutor } from '../store/QueryExecutor.js';
import type { QueryHandle } from '../store/QueryHandle.js';
import * as q from '../store/queries.gen.js';
import { EVIDENCE_WEIGHT, covers, overlaps, yearOf, type EvidenceKind, type TargetEvidence } from '../domain/index.js';
import { Pacer, REQUEST_SLICE_MS } from '../pacer.js';

export type { TargetEvidence };

/** One state's evidence in a window; `targets` limits it to those targets (all when absent). */
export interface EvidenceRequest {
  ccode: number;
  from: string;
  to: string;
  targets?: number[] | null;
}

const requestKey = (r: { ccode: number; from: string; to: string; targets?: number[] | null }) =>
  `${r.ccode}|${r.from}|${r.to}|${r.targets ? [...r.targets].sort((a, b) => a - b).join('+') : '*'}`;

/** What a row says, in words, with what it rests on. */
type Evidence = Pick<TargetEvidence, 'description' | 'reference' | 'date' | 'sources'>;

/** An item of a holder-anchored read: one (holder, window[, targets]). */
interface HolderItem {
  ccode: number;
  from: string;
  to: string;
  targets: null;
}
/** An item of a target-anchored read: one target, the holders asked against it, the union of their windows. */
interface AgainstItem {
  holders: number[];
  targets: number[];
  from: string;
  to: string;
}
/** The columns every holder-anchored query returns: the item it answers, and whom it names. */
interface HolderColumns {
  ccode: number;
  target: number;
  from: string;
  to: string;
  targets: number[] | null;
}
/** The columns every target-anchored query returns (a type, not an interface: a row is also a record of its columns). */
type AgainstColumns = {
  ccode: number;
  target: number;
};

/** A holder-anchored row, mapped. */
interface HolderRow extends HolderColumns {
  evidence: Evidence;
}
/** A target-anchored row, mapped, with its span (see `span`) and its columns (see `distinctBut`). */
interface AgainstRow extends AgainstColumns {
  evidence: Evidence;
  start: string;
  end: string | null;
  columns: Readonly<Record<string, unknown>>;
}

/** One kind of evidence: its two queries, each row already mapped (see `evidenceQuery`). */
interface EvidenceQuery {
  kind: EvidenceKind;
  /**
   * How a row's evidence relates to a request's window: `WINDOW` kinds count when their span
   * overlaps [from, to], `END` kinds when it covers `to` (read at the window's end).
   */
  readAt: 'WINDOW' | 'END';
  /** The against-query's DISTINCT columns that are span columns: a window keeps one row per value of the others. */
  distinctBut?: readonly string[];
  readByHolder(ex: QueryExecutor, items: HolderItem[]): Promise<HolderRow[]>;
  readAgainst(ex: QueryExecutor, items: AgainstItem[]): Promise<AgainstRow[]>;
}

/**
 * One kind of evidence from its two typed queries: `map` reads either query's rows, `span` the
 * against-query's. The items are the queries' own (the rivalry queries also take years).
 */
function evidenceQuery<HI, H extends HolderColumns, AI, A extends AgainstColumns>(spec: {
  kind: EvidenceKind;
  readAt: EvidenceQuery['readAt'];
  /** Anchored on the holder: one item per (holder, window[, targets]). */
  query: QueryHandle<{ items: HI[] }, H>;
  holderItem: (item: HolderItem) => HI;
  /** Anchored on the targets: one item per (window, targets) with the holders as a list. */
  againstQuery: QueryHandle<{ items: AI[] }, A>;
  againstItem: (item: AgainstItem) => AI;
  map(row: H | A): Evidence;
  /**
   * The span of an `againstQuery` row, [start, end] (end null: open). The against-reads take one
   * item per target, spanning every window asked against it, and each window keeps
   * the rows whose span meets it: many windows over the same targets (50 negotiations, a yearly
   * series) expand each target once.
   */
  span: (row: A) => [string, string | null];
  distinctBut?: (keyof A & string)[];
}): EvidenceQuery {
  return {
    kind: spec.kind,
    readAt: spec.readAt,
    distinctBut: spec.distinctBut,
    readByHolder: async (ex, items) =>
      (await ex.read(spec.query, { items: items.map(spec.holderItem) })).map((r) => ({
        ccode: r.ccode,
        target: r.target,
        from: r.from,
        to: r.to,
        targets: r.targets,
        evidence: spec.map(r),
      })),
    readAgainst: async (ex, items) =>
      (await ex.read(spec.againstQuery, { items: items.map(spec.againstItem) })).map((r) => {
        const [start, end] = spec.span(r);
        return { ccode: r.ccode, target: r.target, evidence: spec.map(r), start, end, columns: r };
      }),
  };
}

const asIs = <T>(item: T): T => item;

const QUERIES: EvidenceQuery[] = [
  evidenceQuery({
    query: q.targetsFromWarPlans,
    holderItem: asIs,
    againstQuery: q.targetsFromWarPlansAgainst,
    againstItem: asIs,
    kind: 'WAR_PLAN',
    map: (r) => ({
      description: `${r.approach.toLowerCase()} ideal war plan in ${r.negotiationName}`,
      reference: `negotiation:${r.negotiation}`,
      date: r.date,
      sources: r.sources,
    }),
    readAt: 'WINDOW',
    span: (r) => [r.date, r.end],
  }),
  evidenceQuery({
    query: q.targetsFromTreaties,
    holderItem: asIs,
    againstQuery: q.targetsFromTreatiesAgainst,
    againstItem: asIs,
    kind: 'TREATY',
    map: (r) => ({
      description: `member of ${r.treatyName ?? r.treaty}${r.atopId ? ` (ATOP ${r.atopId})` : ''}, directed against it`,
      reference: `treaty:${r.treaty}`,
      date: r.date,
      sources: r.sources,
    }),
    readAt: 'END',
    span: (r) => [r.start, earliest(r.exit, r.ended)],
    distinctBut: ['start', 'exit', 'ended'],
  }),
  evidenceQuery({
    query: q.targetsFromRivalries,
    holderItem: (i) => ({ ...i, toYear: yearOf(i.to) }),
    againstQuery: q.targetsFromRivalriesAgainst,
    againstItem: (i) => ({ ...i, fromYear: yearOf(i.from), toYear: yearOf(i.to) }),
    kind: 'RIVALRY',
    map: (r) => ({
      description: `strategic rivalry${r.rivalryName ? ` (${r.rivalryName})` : ''} since ${r.startYear}, ${r.dataset}`,
      reference: `rivalry:${r.rivalry}`,
      date: `${r.startYear}-01-01`,
      sources: r.sources,
    }),
    // Active in the year of the date read: from 1 January of its first year to 31 December of its last.
    readAt: 'END',
    span: (r) => [`${r.startYear}-01-01`, r.endYear === null ? null : `${r.endYear}-12-31`],
  }),
  evidenceQuery({
    query: q.targetsFromWars,
    holderItem: asIs,
    againstQuery: q.targetsFromWarsAgainst,
    againstItem: asIs,
    kind: 'WAR',
    map: (r) => ({
      description: `fought against it in ${r.warName}`,
      reference: `war:${r.war}`,
      date: r.date,
      sources: r.sources,
    }),
    readAt: 'WINDOW',
    span: (r) => [r.start, r.end],
    distinctBut: ['start', 'end'],
  }),
  evidenceQuery({
    query: q.targetsFromDisputes,
    holderItem: asIs,
    againstQuery: q.targetsFromDisputesAgainst,
    againstItem: asIs,
    kind: 'DISPUTE',
    map: (r) => ({
      description: `opposite sides in MID ${r.dispnum}${r.hostlev ? ` (hostility level ${r.hostlev})` : ''}`,
      reference: `dispute:${r.dispute}`,
      date: r.date,
      sources: r.sources,
    }),
    readAt: 'WINDOW',
    span: (r) => [r.start, r.end],
    distinctBut: ['start', 'end'],
  }),
  evidenceQuery({
    query: q.targetsFromPerceptions,
    holderItem: asIs,
    againstQuery: q.targetsFromPerceptionsAgainst,
    againstItem: asIs,
    kind: 'PERCEPTION',
    map: (r) => ({
      description: `perceived ${r.threatName} as a threat`,
      reference: `threat:${r.threat}`,
      date: r.date,
      sources: r.sources,
    }),
    readAt: 'END',
    span: (r) => [r.date, r.until],
  }),
];

/** The earlier of two optional end dates (null: open). */
const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null || a < b ? a : b);

/** The requests against one target: their windows (with their target lists) and holders, and the span of all the windows. */
interface TargetGroup {
  target: number;
  holders: Set<number>;
  windows: Map<string, { from: string; to: string; targets: number[]; holders: Set<number> }>;
  /** Earliest `from`, earliest and latest `to` of the windows (ISO dates compare as strings). */
  minFrom: string;
  minTo: string;
  maxTo: string;
}

/**
 * Gathers all evidence for all requests: one round trip per kind for the requests without targets
 * (anchored on each holder) and one per kind for those with targets (anchored on the targets, one
 * item per target: every holder and window asked against it in one item, each window keeping the
 * rows whose span meets it, see `span`). Rows are merged in the fixed order of QUERIES,
 * so that the evidence, and every text built from it, comes out the same on every run. Matching
 * rows to windows (a yearly series: every row against each of its 135 windows) is paced by `pacer`.
 */
export async function gatherTargetEvidence(
  ex: QueryExecutor,
  requests: EvidenceRequest[],
  pacer: Pacer = new Pacer(REQUEST_SLICE_MS),
): Promise<Map<string, TargetEvidence[]>> {
  const out = new Map<string, TargetEvidence[]>(requests.map((r) => [requestKey(r), []]));
  if (!requests.length) return out;
  const byHolder: HolderItem[] = [
    ...new Map(
      requests
        .filter((r) => !r.targets?.length)
        .map((r) => [requestKey(r), { ccode: r.ccode, from: r.from, to: r.to, targets: null }]),
    ).values(),
  ];
  const groups = new Map<number, TargetGroup>();
  for (const r of requests) {
    if (!r.targets?.length) continue;
    const targets = [...new Set(r.targets)].sort((a, b) => a - b);
    const wk = `${r.from}|${r.to}|${targets.join('+')}`;
    for (const target of targets) {
      let g = groups.get(target);
      if (!g)
        groups.set(
          target,
          (g = { target, holders: new Set(), windows: new Map(), minFrom: r.from, minTo: r.to, maxTo: r.to }),
        );
      g.holders.add(r.ccode);
      let w = g.windows.get(wk);
      if (!w) g.windows.set(wk, (w = { from: r.from, to: r.to, targets, holders: new Set() }));
      w.holders.add(r.ccode);
      if (r.from < g.minFrom) g.minFrom = r.from;
      if (r.to < g.minTo) g.minTo = r.to;
      if (r.to > g.maxTo) g.maxTo = r.to;
    }
  }
  // WINDOW kinds read the groups over [earliest from, latest to]; END kinds over [earliest to, latest to].
  const againstItems = (readAt: EvidenceQuery['readAt']): AgainstItem[] =>
    [...groups.values()].map((g) => ({
      holders: [...g.holders].sort((a, b) => a - b),
      targets: [g.target],
      from: readAt === 'WINDOW' ? g.minFrom : g.minTo,
      to: g.maxTo,
    }));
  const push = (q: EvidenceQuery, row: HolderRow | AgainstRow, key: string) => {
    if (row.target === row.ccode) return;
    const { evidence } = row;
    // The queries collect source keys in no promised order: sorted, the same on every store and run.
    out.get(key)?.push({
      holder: row.ccode,
      target: row.target,
      kind: q.kind,
      weight: EVIDENCE_WEIGHT[q.kind],
      ...evidence,
      sources: [...new Set(evidence.sources)].sort(),
    });
  };
  const results = await Promise.all(
    QUERIES.map(async (q) =>
      Promise.all([
        byHolder.length ? q.readByHolder(ex, byHolder) : Promise.resolve([]),
        groups.size ? q.readAgainst(ex, againstItems(q.readAt)) : Promise.resolve([]),
      ]),
    ),
  );
  for (const [i, [holderRows, targetRows]] of results.entries()) {
    const q = QUERIES[i]!;
    for (const row of holderRows) push(q, row, requestKey(row));
    const seen = new Set<string>();
    for (const row of targetRows) {
      if (pacer.due()) await pacer.turn();
      const { start, end } = row;
      let rowId: string | undefined; // the row's columns that DISTINCT compared, but the span's and the item's
      for (const w of groups.get(row.target)!.windows.values()) {
        if (!w.holders.has(row.ccode)) continue;
        if (q.readAt === 'WINDOW' ? !overlaps(start, end, w.from, w.to) : !covers(start, end, w.to)) continue;
        const key = requestKey({ ccode: row.ccode, from: w.from, to: w.to, targets: w.targets });
        if (q.distinctBut) {
          rowId ??= JSON.stringify(
            Object.entries(row.columns).filter(
              ([c]) => c !== 'from' && c !== 'to' && c !== 'targets' && !q.distinctBut!.includes(c),
            ),
          );
          const once = `${key}\u0000${rowId}`;
          if (seen.has(once)) continue;
          seen.add(once);
        }
        push(q, row, key);
      }
    }
  }
  return out;
}

export { requestKey as evidenceKey };
