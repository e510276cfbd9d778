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
import type { Row } from '../store/GraphStore.js';
import { EVIDENCE_WEIGHT, covers, overlaps, type EvidenceKind } from '../domain/index.js';
import { Pacer, REQUEST_SLICE_MS } from '../pacer.js';

export interface TargetEvidence {
  holder: number;
  target: number;
  kind: EvidenceKind;
  weight: number;
  /** What the evidence is: the negotiation, treaty, dispute, war or rivalry, in words. */
  description: string;
  /** Key of the thing the evidence rests on (negotiation id, treaty id, dispute number ...); shared keys make joint evidence. */
  reference: string;
  date: string | null;
  /** Keys of Source nodes. */
  sources: string[];
}

/** One state's evidence in a window; `targets` limits it to those targets (all when absent). */
export interface EvidenceRequest {
  ccode: number;
  from: string;
  to: string;
  targets?: number[] | null;
}

const requestKey = (r: { ccode: number; from: string; to: string; targets?: number[] | null }) =>
  `${r.ccode}|${r.from}|${r.to}|${r.targets ? [...r.targets].sort((a, b) => a - b).join('+') : '*'}`;

interface EvidenceQuery {
  /** Anchored on the holder: one item per (holder, window[, targets]). */
  query: string;
  /** Anchored on the targets: one item per (window, targets) with the holders as a list. */
  againstQuery: string;
  kind: EvidenceKind;
  map(row: Row): Pick<TargetEvidence, 'description' | 'reference' | 'date' | 'sources'>;
  /**
   * How a row's evidence relates to a request's window: `WINDOW` kinds count when their span
   * overlaps [from, to], `END` kinds when it covers `to` (read at the window's end).
   */
  readAt: 'WINDOW' | 'END';
  /**
   * The span of an `againstQuery` row, [start, end] (end null: open). The against-reads take one
   * item per target, spanning every window asked against it, and each window keeps
   * the rows whose span meets it: many windows over the same targets (50 negotiations, a yearly
   * series) expand each target once.
   */
  span: (row: Row) => [string, string | null];
  /** The against-query's DISTINCT columns that are span columns: a window keeps one row per value of the others. */
  distinctBut?: string[];
}

const QUERIES: EvidenceQuery[] = [
  {
    query: 'targetsFromWarPlans',
    againstQuery: 'targetsFromWarPlansAgainst',
    kind: 'WAR_PLAN',
    map: (r) => ({
      description: `${String(r.approach).toLowerCase()} ideal war plan in ${r.negotiationName}`,
      reference: `negotiation:${r.negotiation}`,
      date: r.date as string,
      sources: r.sources as string[],
    }),
    readAt: 'WINDOW',
    span: (r) => [r.date as string, r.end as string],
  },
  {
    query: 'targetsFromTreaties',
    againstQuery: 'targetsFromTreatiesAgainst',
    kind: 'TREATY',
    map: (r) => ({
      description: `member of ${r.treatyName ?? r.treaty}${r.atopId ? ` (ATOP ${r.atopId})` : ''}, directed against it`,
      reference: `treaty:${r.treaty}`,
      date: r.date as string,
      sources: r.sources as string[],
    }),
    readAt: 'END',
    span: (r) => [r.start as string, earliest(r.exit as string | null, r.ended as string | null)],
    distinctBut: ['start', 'exit', 'ended'],
  },
  {
    query: 'targetsFromRivalries',
    againstQuery: 'targetsFromRivalriesAgainst',
    kind: 'RIVALRY',
    map: (r) => ({
      description: `strategic rivalry${r.rivalryName ? ` (${r.rivalryName})` : ''} since ${r.startYear}, ${r.dataset}`,
      reference: `rivalry:${r.rivalry}`,
      date: `${r.startYear}-01-01`,
      sources: r.sources as string[],
    }),
    // Active in the year of the date read: from 1 January of its first year to 31 December of its last.
    readAt: 'END',
    span: (r) => [`${r.startYear}-01-01`, r.endYear === null ? null : `${r.endYear}-12-31`],
  },
  {
    query: 'targetsFromWars',
    againstQuery: 'targetsFromWarsAgainst',
    kind: 'WAR',
    map: (r) => ({
      description: `fought against it in ${r.warName}`,
      reference: `war:${r.war}`,
      date: r.date as string,
      sources: r.sources as string[],
    }),
    readAt: 'WINDOW',
    span: (r) => [r.start as string, r.end as string | null],
    distinctBut: ['start', 'end'],
  },
  {
    query: 'targetsFromDisputes',
    againstQuery: 'targetsFromDisputesAgainst',
    kind: 'DISPUTE',
    map: (r) => ({
      description: `opposite sides in MID ${r.dispnum}${r.hostlev ? ` (hostility level ${r.hostlev})` : ''}`,
      reference: `dispute:${r.dispute}`,
      date: r.date as string,
      sources: r.sources as string[],
    }),
    readAt: 'WINDOW',
    span: (r) => [r.start as string, r.end as string | null],
    distinctBut: ['start', 'end'],
  },
  {
    query: 'targetsFromPerceptions',
    againstQuery: 'targetsFromPerceptionsAgainst',
    kind: 'PERCEPTION',
    map: (r) => ({
      description: `perceived ${r.threatName} as a threat`,
      reference: `threat:${r.threat}`,
      date: r.date as string,
      sources: (r.sources as string[] | null) ?? [],
    }),
    readAt: 'END',
    span: (r) => [r.date as string, r.until as string | null],
  },
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
  const toYear = (iso: string) => Number(iso.slice(0, 4));
  const byHolder = [
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
  const againstItems = (readAt: EvidenceQuery['readAt']) =>
    [...groups.values()].map((g) => {
      const from = readAt === 'WINDOW' ? g.minFrom : g.minTo;
      return {
        holders: [...g.holders].sort((a, b) => a - b),
        targets: [g.target],
        from,
        to: g.maxTo,
        fromYear: toYear(from),
        toYear: toYear(g.maxTo),
      };
    });
  const push = (q: EvidenceQuery, row: Row, key: string) => {
    const target = row.target as number;
    if (target === row.ccode) return;
    const evidence = q.map(row);
    // The queries collect source keys in no promised order: sorted, the same on every store and run.
    out.get(key)?.push({
      holder: row.ccode as number,
      target,
      kind: q.kind,
      weight: EVIDENCE_WEIGHT[q.kind],
      ...evidence,
      sources: [...new Set(evidence.sources)].sort(),
    });
  };
  const results = await Promise.all(
    QUERIES.map(async (q) =>
      Promise.all([
        byHolder.length
          ? ex.read(q.query, {
              items: q.kind === 'RIVALRY' ? byHolder.map((i) => ({ ...i, toYear: toYear(i.to) })) : byHolder,
            })
          : Promise.resolve([]),
        groups.size ? ex.read(q.againstQuery, { items: againstItems(q.readAt) }) : Promise.resolve([]),
      ]),
    ),
  );
  for (const [i, [holderRows, targetRows]] of results.entries()) {
    const q = QUERIES[i]!;
    for (const row of holderRows)
      push(
        q,
        row,
        requestKey({
          ccode: row.ccode as number,
          from: row.from as string,
          to: row.to as string,
          targets: (row.targets as number[] | null) ?? null,
        }),
      );
    const seen = new Set<string>();
    for (const row of targetRows) {
      if (pacer.due()) await pacer.turn();
      const [start, end] = q.span(row);
      let rowId: string | undefined; // the row's columns that DISTINCT compared, but the span's and the item's
      for (const w of groups.get(row.target as number)!.windows.values()) {
        if (!w.holders.has(row.ccode as number)) continue;
        if (q.readAt === 'WINDOW' ? !overlaps(start, end, w.from, w.to) : !covers(start, end, w.to)) continue;
        const key = requestKey({ ccode: row.ccode as number, from: w.from, to: w.to, targets: w.targets });
        if (q.distinctBut) {
          rowId ??= JSON.stringify(
            Object.entries(row).filter(
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
