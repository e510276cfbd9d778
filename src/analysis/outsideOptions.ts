/**
 * Outside options of a party at a negotiation (Poast 2019): the three ways a party can do without
 * the treaty on the table, each with an attractiveness in [0, 1].
 *
 * - **Alternative allies**: states available to the party instead of its negotiating partners — in
 *   the state system at the date, not a party, not at war or in an active dispute with the party —
 *   and tied to it by a shared target, an existing or past alliance, or a concurrent negotiation
 *   with it. The target itself is left out, except when the party was negotiating with it at the
 *   same time: a deal with the target (the Soviet Union and Germany in August 1939) is the
 *   clearest outside option of all. Each ally's score is a weighted mean of its components:
 *   concurrent talks 0.35, shared target 0.25, capability 0.25, alliance ties 0.15 (weights of
 *   components without data are left out and the rest re-normalised). Attractiveness: the best score.
 * - **Unilateral action**: the party's CINC share of the dyad party–target in the year of the
 *   negotiation (0.5 = parity); major-power status is reported beside it.
 * - **Buck-passing**: other states (not at the table, not the target) with evidence against the same
 *   target, and their capability: Σ CINC of those states / (that + the target's CINC); without
 *   capability data, min(1, count / 3).
 *
 * Overall attractiveness is the best of the three: a party needs only one good alternative.
 *
 * Everything is computed for a batch of requests with a fixed number of store round trips.
 */
import type { QueryExecutor } from '../store/QueryExecutor.js';
import type { Row } from '../store/GraphStore.js';
import { addYears, overlaps, yearOf } from './dates.js';
import { evidenceKey, gatherTargetEvidence, type TargetEvidence } from './targetEvidence.js';
import { kindStrength } from './sharedTargets.js';
import * as q from '../store/queries.gen.js';

export interface Reason { text: string; sources: string[] }

export interface AllyComponents {
  capability: number | null;
  sharedTarget: number;
  ties: number;
  concurrentTalks: number;
}

export interface AlternativeAlly { state: number; score: number; components: AllyComponents; reasons: Reason[] }

export interface OptionRequest {
  party: number;
  /** The moment of choice: availability, capability year and alliance ties are read here. */
  at: string;
  /** Concurrent talks are looked for in [talksFrom, talksTo] (the negotiation's span, or the year before `at`). */
  talksFrom: string;
  talksTo: string;
  /** States that are at the table (not alternatives). */
  atTable: number[];
  /** The states posing the party's target(s); empty: any state the party stood against. */
  targets: number[];
  /** The negotiation being examined, left out of "concurrent talks". */
  negotiation: string | null;
  windowYears: number;
}

export interface OptionResult {
  request: OptionRequest;
  alternativeAllies: { attractiveness: number; allies: AlternativeAlly[] };
  unilateral: { attractiveness: number | null; partyCinc: number | null; targetCinc: number | null; majorPower: boolean | null; reasons: Reason[] };
  buckPassing: { attractiveness: number; buckCatchers: { state: number; cinc: number | null; evidence: TargetEvidence[] }[]; reasons: Reason[] };
  overall: number;
  targets: number[];
}

export const ALLY_WEIGHTS = { concurrentTalks: 0.35, sharedTarget: 0.25, capability: 0.25, ties: 0.15 } as const;
/** Kind-strength at which the shared-target component saturates (e.g. a treaty and a war plan). */
const SHARED_TARGET_SATURATION = 6;

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Weighted mean of the components that have data. */
export function allyScore(c: AllyComponents): number {
  let total = 0;
  let weight = 0;
  for (const [k, w] of Object.entries(ALLY_WEIGHTS) as [keyof AllyComponents, number][]) {
    const v = c[k];
    if (v === null) continue;
    total += w * v;
    weight += w;
  }
  return weight ? round(total / weight) : 0;
}

interface Capabilities { cinc(ccode: number, year: number): number | null }

async function loadCapabilities(ex: QueryExecutor, pairs: { ccode: number; year: number }[]): Promise<Capabilities> {
  const unique = [...new Map(pairs.map((p) => [`${p.ccode}|${p.year}`, p])).values()];
  const rows = unique.length ? await ex.read(q.cincOfStateYears, { items: unique.map((p) => ({ id: `${p.ccode}-${p.year}`, ...p })) }) : [];
  const m = new Map(rows.map((r) => [`${r.ccode}|${r.year}`, r.cinc]));
  return { cinc: (ccode, year) => m.get(`${ccode}|${year}`) ?? null };
}

export async function assessOutsideOptions(ex: QueryExecutor, requests: OptionRequest[]): Promise<OptionResult[]> {
  if (!requests.length) return [];
  const evidenceFrom = (r: OptionRequest) => addYears(r.at, -r.windowYears);

  // 1. Who could act at each date, and who was fighting whom.
  const dates = [...new Set(requests.map((r) => r.at))];
  const available = new Map<string, Map<number, { systemKnown: boolean }>>(dates.map((d) => [d, new Map()]));
  const names = new Map<number, string>();
  for (const r of await ex.read(q.statesAvailableAt, { dates })) {
    available.get(r.at)!.set(r.ccode, { systemKnown: r.systemKnown });
    names.set(r.ccode, r.abbrev);
  }
  const nameOf = (c: number) => names.get(c) ?? String(c);
  const partyItems = [...new Map(requests.map((r) => [`${r.party}|${r.at}`, { ccode: r.party, at: r.at }])).values()];
  type Hostility = { ccode: number; at: string; other: number; kind: string; reference: string };
  const [wars, disputes] = await Promise.all([
    ex.read(q.warOpponentsAt, { items: partyItems }),
    ex.read(q.disputeOpponentsAt, { items: partyItems }),
  ]);
  const hostileRows = [...wars, ...disputes];
  const hostile = new Map<string, Map<number, string>>();
  for (const h of hostileRows) {
    const k = `${h.ccode}|${h.at}`;
    if (!hostile.has(k)) hostile.set(k, new Map());
    hostile.get(k)!.set(h.other, `${h.kind} ${h.reference}`);
  }

  // 2. Evidence against targets: the parties' own first (it gives the targets of a party without an
  //    ideal plan), then every other available state's, against those targets only.
  const ownEvidence = await gatherTargetEvidence(ex, requests.map((r) => ({ ccode: r.party, from: evidenceFrom(r), to: r.at })));
  const targetsOf = requests.map((r) => (r.targets.length ? r.targets
    : [...new Set((ownEvidence.get(evidenceKey({ ccode: r.party, from: evidenceFrom(r), to: r.at })) ?? []).map((e) => e.target))].filter((t) => !r.atTable.includes(t))));
  const candidatesOf = (r: OptionRequest) => [...available.get(r.at)!.keys()].filter((c) => c !== r.party && !r.atTable.includes(c));
  const candidateRequests = requests.flatMap((r, i) => (targetsOf[i]!.length ? candidatesOf(r).map((ccode) => ({ ccode, from: evidenceFrom(r), to: r.at, targets: targetsOf[i]! })) : []));
  const evidence = await gatherTargetEvidence(ex, candidateRequests);
  const evidenceOf = (ccode: number, r: OptionRequest, targets: number[]) => (targets.length ? evidence.get(evidenceKey({ ccode, from: evidenceFrom(r), to: r.at, targets })) ?? [] : []);

  // 3. Alliance ties and concurrent talks of the parties; capabilities of everyone involved.
  const ties = await ex.read(q.allianceTiesOfStates, {
    items: partyItems,
  });
  const talks = await ex.read(q.concurrentNegotiationsOfStates, {
    items: [...new Map(requests.map((r) => [`${r.party}|${r.talksFrom}|${r.talksTo}|${r.negotiation}`, { ccode: r.party, from: r.talksFrom, to: r.talksTo, exclude: r.negotiation }])).values()],
  });
  const caps = await loadCapabilities(ex, requests.flatMap((r, i) => {
    const year = yearOf(r.at);
    return [r.party, ...targetsOf[i]!, ...candidatesOf(r)].map((ccode) => ({ ccode, year }));
  }));
  const spells = await ex.read(q.systemSpellsOfStates, { ids: [...new Set(requests.map((r) => r.party))] });

  return requests.map((r, i) => {
    const year = yearOf(r.at);
    const targets = targetsOf[i]!;
    const targetCinc = sumOrNull(targets.map((t) => caps.cinc(t, year)));
    const hostileHere = hostile.get(`${r.party}|${r.at}`) ?? new Map<number, string>();

    // Alternative allies.
    const allies: AlternativeAlly[] = [];
    for (const c of candidatesOf(r)) {
      const reasons: Reason[] = [];
      const isTarget = targets.includes(c);
      const theirs = isTarget ? [] : evidenceOf(c, r, targets).filter((e) => targets.includes(e.target));
      const sharedStrength = kindStrength(theirs);
      if (theirs.length) {
        const kinds = [...new Set(theirs.map((e) => e.kind.toLowerCase().replace('_', ' ')))].join(', ');
        reasons.push({ text: `also stood against ${targets.map(nameOf).join('/')} (${kinds}): ${theirs[0]!.description}`, sources: [...new Set(theirs.flatMap((e) => e.sources))] });
      }
      const myTies = ties.filter((t) => t.ccode === r.party && t.at === r.at && t.other === c);
      const current = myTies.filter((t) => (t.exit === null || t.exit >= r.at) && (t.otherExit === null || t.otherExit >= r.at));
      const tieValue = current.length ? 1 : myTies.length ? 0.5 : 0;
      if (myTies.length) reasons.push({ text: `${current.length ? 'allied' : 'formerly allied'} with the party: ${(current[0] ?? myTies[0])!.treatyName ?? (current[0] ?? myTies[0])!.treaty}`, sources: [] });
      const concurrent = talks.filter((t) => t.ccode === r.party && t.from === r.talksFrom && t.to === r.talksTo && t.other === c && overlaps(t.start, t.end, r.talksFrom, r.talksTo));
      if (concurrent.length) reasons.push({ text: `negotiating with the party at the same time: ${concurrent[0]!.negotiationName} (${concurrent[0]!.start} to ${concurrent[0]!.end})`, sources: concurrent[0]!.sources });
      if (isTarget && !concurrent.length) continue; // the target is an option only through a concurrent deal with it
      if (isTarget) reasons.unshift({ text: `the party's own target, negotiating with it at the same time: a deal with the target instead of an alliance against it`, sources: [] });
      if (!theirs.length && !myTies.length && !concurrent.length) continue; // no tie: not an alternative
      const hostility = hostileHere.get(c);
      if (hostility) continue; // at war or in a dispute with the party: not available
      const cinc = caps.cinc(c, year);
      const capability = isTarget || cinc === null ? null : targetCinc ? round(cinc / (cinc + targetCinc)) : null;
      if (cinc !== null) reasons.push({ text: `CINC ${cinc.toFixed(4)} in ${year}${targetCinc ? ` against the target's ${targetCinc.toFixed(4)}` : ''}`, sources: [] });
      const components: AllyComponents = {
        capability,
        sharedTarget: round(Math.min(1, sharedStrength / SHARED_TARGET_SATURATION)),
        ties: tieValue,
        concurrentTalks: concurrent.length ? 1 : 0,
      };
      allies.push({ state: c, score: allyScore(components), components, reasons });
    }
    allies.sort((x, y) => y.score - x.score || x.state - y.state);

    // Unilateral action.
    const partyCinc = caps.cinc(r.party, year);
    const majorSpells = spells.filter((s) => s.id === r.party && s.node.kind === 'MAJOR_POWER');
    const systemSpells = spells.filter((s) => s.id === r.party && s.node.kind === 'IN_SYSTEM');
    const majorPower = systemSpells.length || majorSpells.length
      ? majorSpells.some((s) => (s.node.start as string) <= r.at && (s.node.end === null || (s.node.end as string) >= r.at))
      : null;
    const unilateralAttr = partyCinc !== null && targetCinc ? round(partyCinc / (partyCinc + targetCinc)) : null;
    const unilateralReasons: Reason[] = [];
    if (unilateralAttr !== null) unilateralReasons.push({ text: `CINC ${partyCinc!.toFixed(4)} against the target's ${targetCinc!.toFixed(4)} in ${year}: ${Math.round(unilateralAttr * 100)}% of the dyad's capabilities`, sources: [] });
    else unilateralReasons.push({ text: `no capability data for ${year} (import NMC to measure unilateral action)`, sources: [] });
    if (majorPower !== null) unilateralReasons.push({ text: majorPower ? 'a major power at the time' : 'not a major power at the time', sources: [] });

    // Buck-passing.
    const catchers = candidatesOf(r)
      .filter((c) => !targets.includes(c))
      .map((c) => ({ state: c, cinc: caps.cinc(c, year), evidence: evidenceOf(c, r, targets).filter((e) => targets.includes(e.target)) }))
      .filter((x) => x.evidence.length)
      .sort((x, y) => (y.cinc ?? 0) - (x.cinc ?? 0) || x.state - y.state);
    const catcherCinc = sumOrNull(catchers.map((c) => c.cinc));
    const buckAttr = catcherCinc !== null && targetCinc ? round(catcherCinc / (catcherCinc + targetCinc)) : round(Math.min(1, catchers.length / 3));
    const buckReasons: Reason[] = catchers.length
      ? [{ text: `${catchers.length} other state(s) stood against the same target${catcherCinc !== null ? `, with CINC ${catcherCinc.toFixed(4)} together` : ''}`, sources: [] }]
      : [{ text: 'no other state on record against the same target', sources: [] }];

    const allyAttr = allies[0]?.score ?? 0;
    return {
      request: r,
      targets,
      alternativeAllies: { attractiveness: allyAttr, allies },
      unilateral: { attractiveness: unilateralAttr, partyCinc, targetCinc, majorPower, reasons: unilateralReasons },
      buckPassing: { attractiveness: buckAttr, buckCatchers: catchers, reasons: buckReasons },
      overall: Math.max(allyAttr, unilateralAttr ?? 0, buckAttr),
    };
  });
}

function sumOrNull(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}
