/**
 * Evidence that a state stood against a target state at a date, gathered in one batched query per
 * kind of evidence for any number of (state, window) requests:
 *
 * | kind | from | weight |
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

export type EvidenceKind = 'TREATY' | 'WAR_PLAN' | 'WAR' | 'RIVALRY' | 'PERCEPTION' | 'DISPUTE';

export const EVIDENCE_WEIGHT: Record<EvidenceKind, number> = { TREATY: 3, WAR_PLAN: 3, WAR: 3, RIVALRY: 2, PERCEPTION: 2, DISPUTE: 1 };

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
export interface EvidenceRequest { ccode: number; from: string; to: string; targets?: number[] | null }

const requestKey = (r: { ccode: number; from: string; to: string; targets?: number[] | null }) =>
  `${r.ccode}|${r.from}|${r.to}|${r.targets ? [...r.targets].sort((a, b) => a - b).join('+') : '*'}`;

interface EvidenceQuery {
  /** Anchored on the holder: one item per (holder, window[, targets]). */
  query: string;
  /** Anchored on the targets: one item per (window, targets) with the holders as a list. */
  againstQuery: string;
  kind: EvidenceKind;
  map(row: Row): Pick<TargetEvidence, 'description' | 'reference' | 'date' | 'sources'>;
}

const QUERIES: EvidenceQuery[] = [
  {
    query: 'targetsFromWarPlans', againstQuery: 'targetsFromWarPlansAgainst', kind: 'WAR_PLAN',
    map: (r) => ({ description: `${String(r.approach).toLowerCase()} ideal war plan in ${r.negotiationName}`, reference: `negotiation:${r.negotiation}`, date: r.date as string, sources: r.sources as string[] }),
  },
  {
    query: 'targetsFromTreaties', againstQuery: 'targetsFromTreatiesAgainst', kind: 'TREATY',
    map: (r) => ({ description: `member of ${r.treatyName ?? r.treaty}${r.atopId ? ` (ATOP ${r.atopId})` : ''}, directed against it`, reference: `treaty:${r.treaty}`, date: r.date as string, sources: r.sources as string[] }),
  },
  {
    query: 'targetsFromRivalries', againstQuery: 'targetsFromRivalriesAgainst', kind: 'RIVALRY',
    map: (r) => ({ description: `strategic rivalry${r.rivalryName ? ` (${r.rivalryName})` : ''} since ${r.startYear}, ${r.dataset}`, reference: `rivalry:${r.rivalry}`, date: `${r.startYear}-01-01`, sources: r.sources as string[] }),
  },
  {
    query: 'targetsFromWars', againstQuery: 'targetsFromWarsAgainst', kind: 'WAR',
    map: (r) => ({ description: `fought against it in ${r.warName}`, reference: `war:${r.war}`, date: r.date as string, sources: r.sources as string[] }),
  },
  {
    query: 'targetsFromDisputes', againstQuery: 'targetsFromDisputesAgainst', kind: 'DISPUTE',
    map: (r) => ({ description: `opposite sides in MID ${r.dispnum}${r.hostlev ? ` (hostility level ${r.hostlev})` : ''}`, reference: `dispute:${r.dispute}`, date: r.date as string, sources: r.sources as string[] }),
  },
  {
    query: 'targetsFromPerceptions', againstQuery: 'targetsFromPerceptionsAgainst', kind: 'PERCEPTION',
    map: (r) => ({ description: `perceived ${r.threatName} as a threat`, reference: `threat:${r.threat}`, date: r.date as string, sources: (r.sources as string[] | null) ?? [] }),
  },
];

/**
 * Gathers all evidence for all requests: one round trip per kind for the requests without targets
 * (anchored on each holder) and one per kind for those with targets (anchored on the targets, the
 * holders sharing a window and targets batched together: many candidate allies against one target
 * cost one item, not one each). Rows are merged in the fixed order of QUERIES, so that the evidence,
 * and every text built from it, comes out the same on every run.
 */
export async function gatherTargetEvidence(ex: QueryExecutor, requests: EvidenceRequest[]): Promise<Map<string, TargetEvidence[]>> {
  const out = new Map<string, TargetEvidence[]>(requests.map((r) => [requestKey(r), []]));
  if (!requests.length) return out;
  const toYear = (iso: string) => Number(iso.slice(0, 4));
  const byHolder = [...new Map(requests.filter((r) => !r.targets?.length).map((r) => [requestKey(r), { ccode: r.ccode, from: r.from, to: r.to, targets: null }])).values()];
  const groups = new Map<string, { holders: Set<number>; targets: number[]; from: string; to: string }>();
  for (const r of requests) {
    if (!r.targets?.length) continue;
    const targets = [...r.targets].sort((a, b) => a - b);
    const key = `${r.from}|${r.to}|${targets.join('+')}`;
    const g = groups.get(key) ?? { holders: new Set<number>(), targets, from: r.from, to: r.to };
    g.holders.add(r.ccode);
    groups.set(key, g);
  }
  const against = [...groups.values()].map((g) => ({ holders: [...g.holders].sort((a, b) => a - b), targets: g.targets, from: g.from, to: g.to }));
  const withYear = <T extends { to: string }>(items: T[]) => items.map((i) => ({ ...i, toYear: toYear(i.to) }));
  const results = await Promise.all(QUERIES.map(async (q) => {
    const [holderRows, targetRows] = await Promise.all([
      byHolder.length ? ex.read(q.query, { items: q.kind === 'RIVALRY' ? withYear(byHolder) : byHolder }) : Promise.resolve([]),
      against.length ? ex.read(q.againstQuery, { items: q.kind === 'RIVALRY' ? withYear(against) : against }) : Promise.resolve([]),
    ]);
    return [...holderRows, ...targetRows];
  }));
  results.forEach((rows, i) => {
    const q = QUERIES[i]!;
    for (const row of rows) {
      const target = row.target as number;
      if (target === row.ccode) continue;
      const evidence = q.map(row);
      out.get(requestKey({ ccode: row.ccode as number, from: row.from as string, to: row.to as string, targets: (row.targets as number[] | null) ?? null }))?.push({
        // The queries collect source keys in no promised order: sorted, the same on every store and run.
        holder: row.ccode as number, target, kind: q.kind, weight: EVIDENCE_WEIGHT[q.kind], ...evidence, sources: [...new Set(evidence.sources)].sort(),
      });
    }
  });
  return out;
}

export { requestKey as evidenceKey };
