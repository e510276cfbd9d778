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
  query: string;
  kind: EvidenceKind;
  map(row: Row): Pick<TargetEvidence, 'description' | 'reference' | 'date' | 'sources'>;
}

const QUERIES: EvidenceQuery[] = [
  {
    query: 'targetsFromWarPlans', kind: 'WAR_PLAN',
    map: (r) => ({ description: `${String(r.approach).toLowerCase()} ideal war plan in ${r.negotiationName}`, reference: `negotiation:${r.negotiation}`, date: r.date as string, sources: r.sources as string[] }),
  },
  {
    query: 'targetsFromTreaties', kind: 'TREATY',
    map: (r) => ({ description: `member of ${r.treatyName ?? r.treaty}${r.atopId ? ` (ATOP ${r.atopId})` : ''}, directed against it`, reference: `treaty:${r.treaty}`, date: r.date as string, sources: r.sources as string[] }),
  },
  {
    query: 'targetsFromRivalries', kind: 'RIVALRY',
    map: (r) => ({ description: `strategic rivalry${r.rivalryName ? ` (${r.rivalryName})` : ''} since ${r.startYear}, ${r.dataset}`, reference: `rivalry:${r.rivalry}`, date: `${r.startYear}-01-01`, sources: r.sources as string[] }),
  },
  {
    query: 'targetsFromWars', kind: 'WAR',
    map: (r) => ({ description: `fought against it in ${r.warName}`, reference: `war:${r.war}`, date: r.date as string, sources: r.sources as string[] }),
  },
  {
    query: 'targetsFromDisputes', kind: 'DISPUTE',
    map: (r) => ({ description: `opposite sides in MID ${r.dispnum}${r.hostlev ? ` (hostility level ${r.hostlev})` : ''}`, reference: `dispute:${r.dispute}`, date: r.date as string, sources: r.sources as string[] }),
  },
  {
    query: 'targetsFromPerceptions', kind: 'PERCEPTION',
    map: (r) => ({ description: `perceived ${r.threatName} as a threat`, reference: `threat:${r.threat}`, date: r.date as string, sources: (r.sources as string[] | null) ?? [] }),
  },
];

/** Gathers all evidence for all requests: one round trip per kind, whatever the number of requests. */
export async function gatherTargetEvidence(ex: QueryExecutor, requests: EvidenceRequest[]): Promise<Map<string, TargetEvidence[]>> {
  const out = new Map<string, TargetEvidence[]>(requests.map((r) => [requestKey(r), []]));
  if (!requests.length) return out;
  const items = [...new Map(requests.map((r) => [requestKey(r), { ccode: r.ccode, from: r.from, to: r.to, toYear: Number(r.to.slice(0, 4)), targets: r.targets?.length ? r.targets : null }])).values()];
  const withoutYear = items.map(({ toYear: _y, ...rest }) => rest);
  // The kinds run concurrently; their rows are merged in the fixed order of QUERIES, so that the
  // evidence (and every text built from it) comes out the same on every run.
  const results = await Promise.all(QUERIES.map((q) => ex.read(q.query, { items: q.kind === 'RIVALRY' ? items : withoutYear })));
  results.forEach((rows, i) => {
    const q = QUERIES[i]!;
    for (const row of rows) {
      const target = row.target as number;
      if (target === row.ccode) continue;
      out.get(requestKey({ ccode: row.ccode as number, from: row.from as string, to: row.to as string, targets: (row.targets as number[] | null) ?? null }))?.push({
        holder: row.ccode as number, target, kind: q.kind, weight: EVIDENCE_WEIGHT[q.kind], ...q.map(row),
      });
    }
  });
  return out;
}

export { requestKey as evidenceKey };
