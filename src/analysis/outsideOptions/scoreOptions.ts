/**
 * Scoring of outside options (Poast 2019): pure functions of the inputs `readOptionInputs` reads,
 * each option with an attractiveness in [0, 1] and its reasons.
 *
 * - **Alternative allies**: candidates (in the system at the date, not at the table, not at war or
 *   in a dispute with the party) tied to it by a shared target, an alliance or concurrent talks.
 *   The target itself is left out, except when the party was negotiating with it at the same time
 *   (the USSR and Germany in August 1939: a deal with the target is the clearest outside option).
 *   Score: weighted mean of the components with data (`ALLY_WEIGHTS`); attractiveness: the best.
 * - **Unilateral action**: the party's CINC share of the dyad party–target (0.5 = parity).
 * - **Buck-passing**: Σ CINC of the other states with evidence against the same target / (that +
 *   the target's CINC); without capability data, min(1, count / 3).
 * - **Overall**: the best of the three (a party needs only one good alternative).
 *
 * Coverage (src/domain/coverage.ts): a component or option whose data do not cover the date (NMC
 * after its last year, the record's negotiations after 1949, the state system after COW's last
 * year) is null, with the data sets and their years in the reasons, not zero; one some of whose
 * sources do not cover it (disputes after MID's last year) is computed from the others and the
 * result is not `complete`. Every result lists the layers it rests on.
 */
import {
  ALLY_COMPONENT_FIGURE,
  ALLY_WEIGHTS,
  BUCK_CATCHERS_FOR_FULL_ATTRACTIVENESS,
  OPTION_FIGURES,
  SHARED_TARGET_SATURATION,
  TIE_VALUE,
  coverageOf,
  covers,
  figureStatus,
  kindStrength,
  overlaps,
  uncoveredText,
  yearOf,
  type AllyComponent,
  type Figure,
} from '../../domain/index.js';
import type { AllyComponents, AlternativeAlly, OptionInputs, OptionResult, Reason } from './types.js';

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Whether a kind of figure has data at the request's date: false when its data sets do not cover it. */
const coveredAt = (i: OptionInputs, figure: Figure) =>
  figureStatus(i.layers, figure, yearOf(i.request.at)) !== 'NOT_COVERED';

/** "<what> not covered in <year>: <the data sets and their years>" (or partly covered). */
function coverageReason(i: OptionInputs, figure: Figure, what: string): Reason | null {
  const year = yearOf(i.request.at);
  const status = figureStatus(i.layers, figure, year);
  if (status === 'COVERED' || status === 'NOT_IMPORTED') return null;
  const missing = uncoveredText(i.layers, figure, year)!;
  return {
    text:
      status === 'NOT_COVERED'
        ? `${what} not covered in ${year}: ${missing}`
        : `${what} partly covered in ${year}: without ${missing}`,
    sources: [],
  };
}

/** Weighted mean of the components that have data (0 when none has). */
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

function sumOrNull(values: (number | null | undefined)[]): number | null {
  const known = values.filter((v): v is number => v !== null && v !== undefined);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

const COMPONENT_WORDS: Record<AllyComponent, string> = {
  concurrentTalks: 'concurrent talks',
  sharedTarget: 'evidence against the target',
  capability: 'capabilities',
  ties: 'alliance ties',
};

/** Why the alternative allies, or some of their components, are not (fully) covered at the date. */
function allyCoverageReasons(i: OptionInputs): Reason[] {
  const out: Reason[] = [];
  const system = coverageReason(i, 'stateSystem', 'the state system (who could be an ally)');
  if (system) out.push(system);
  const hostile = coverageReason(i, 'hostilities', 'wars and disputes with the party (which leave a state out)');
  if (hostile) out.push(hostile);
  for (const [k, figure] of Object.entries(ALLY_COMPONENT_FIGURE) as [AllyComponent, Figure][]) {
    const r = coverageReason(i, figure, COMPONENT_WORDS[k]);
    if (r) out.push(r);
  }
  return out;
}

export function scoreAlternativeAllies(i: OptionInputs, targetCinc: number | null): AlternativeAlly[] {
  const { request: r, targets } = i;
  const year = yearOf(r.at);
  const nameOf = (c: number) => i.names.get(c) ?? String(c);
  const has = {
    capability: coveredAt(i, ALLY_COMPONENT_FIGURE.capability),
    sharedTarget: coveredAt(i, ALLY_COMPONENT_FIGURE.sharedTarget),
    ties: coveredAt(i, ALLY_COMPONENT_FIGURE.ties),
    concurrentTalks: coveredAt(i, ALLY_COMPONENT_FIGURE.concurrentTalks),
  };
  const allies: AlternativeAlly[] = [];
  for (const c of i.candidates) {
    if (i.hostile.has(c)) continue; // at war or in a dispute with the party: not available
    const isTarget = targets.includes(c);
    const theirs = isTarget ? [] : (i.evidence.get(c) ?? []).filter((e) => targets.includes(e.target));
    const myTies = i.ties.get(c) ?? [];
    const concurrent = (i.talks.get(c) ?? []).filter((t) => overlaps(t.start, t.end, r.talksFrom, r.talksTo));
    if (isTarget && !concurrent.length) continue; // the target is an option only through a concurrent deal with it
    if (!theirs.length && !myTies.length && !concurrent.length) continue; // no tie: not an alternative
    const reasons: Reason[] = [];
    if (isTarget)
      reasons.push({
        text: "the party's own target, negotiating with it at the same time: a deal with the target instead of an alliance against it",
        sources: [],
      });
    if (theirs.length) {
      const kinds = [...new Set(theirs.map((e) => e.kind.toLowerCase().replace('_', ' ')))].join(', ');
      reasons.push({
        text: `also stood against ${targets.map(nameOf).join('/')} (${kinds}): ${theirs[0]!.description}`,
        sources: [...new Set(theirs.flatMap((e) => e.sources))],
      });
    }
    const current = myTies.filter((t) => covers(null, t.exit, r.at) && covers(null, t.otherExit, r.at));
    if (myTies.length) {
      const shown = current[0] ?? myTies[0]!;
      reasons.push({
        text: `${current.length ? 'allied' : 'formerly allied'} with the party: ${shown.treatyName ?? shown.treaty}`,
        sources: [],
      });
    }
    if (concurrent.length)
      reasons.push({
        text: `negotiating with the party at the same time: ${concurrent[0]!.negotiationName} (${concurrent[0]!.start} to ${concurrent[0]!.end})`,
        sources: concurrent[0]!.sources,
      });
    const cinc = i.cinc.get(c) ?? null;
    if (cinc !== null)
      reasons.push({
        text: `CINC ${cinc.toFixed(4)} in ${year}${targetCinc ? ` against the target's ${targetCinc.toFixed(4)}` : ''}`,
        sources: [],
      });
    const components: AllyComponents = {
      capability:
        !has.capability || isTarget || cinc === null ? null : targetCinc ? round(cinc / (cinc + targetCinc)) : null,
      sharedTarget: has.sharedTarget ? round(Math.min(1, kindStrength(theirs) / SHARED_TARGET_SATURATION)) : null,
      ties: has.ties ? (current.length ? TIE_VALUE.current : myTies.length ? TIE_VALUE.former : TIE_VALUE.none) : null,
      concurrentTalks: has.concurrentTalks ? (concurrent.length ? 1 : 0) : null,
    };
    allies.push({ state: c, score: allyScore(components), components, reasons });
  }
  return allies.sort((x, y) => y.score - x.score || x.state - y.state);
}

export function scoreUnilateral(i: OptionInputs, targetCinc: number | null): OptionResult['unilateral'] {
  const r = i.request;
  const year = yearOf(r.at);
  const capabilities = coveredAt(i, 'capabilities');
  const partyCinc = capabilities ? (i.cinc.get(r.party) ?? null) : null;
  const majorPower =
    i.spells.length && coveredAt(i, 'majorPowers')
      ? i.spells.some((s) => s.kind === 'MAJOR_POWER' && covers(s.start, s.end, r.at))
      : null;
  const attractiveness =
    partyCinc !== null && targetCinc && capabilities ? round(partyCinc / (partyCinc + targetCinc)) : null;
  const notCovered = coverageReason(i, 'capabilities', 'capabilities');
  const reasons: Reason[] = [
    attractiveness !== null
      ? {
          text: `CINC ${partyCinc!.toFixed(4)} against the target's ${targetCinc!.toFixed(4)} in ${year}: ${Math.round(attractiveness * 100)}% of the dyad's capabilities`,
          sources: [],
        }
      : (notCovered ?? {
          text: `no capability data for ${year} (import NMC to measure unilateral action)`,
          sources: [],
        }),
  ];
  if (majorPower !== null)
    reasons.push({ text: majorPower ? 'a major power at the time' : 'not a major power at the time', sources: [] });
  else {
    const r = coverageReason(i, 'majorPowers', 'major-power status');
    if (r) reasons.push(r);
  }
  return {
    attractiveness,
    partyCinc,
    targetCinc: capabilities ? targetCinc : null,
    majorPower,
    reasons,
  };
}

export function scoreBuckPassing(i: OptionInputs, targetCinc: number | null): OptionResult['buckPassing'] {
  const notCovered = [
    coveredAt(i, 'stateSystem')
      ? null
      : coverageReason(i, 'stateSystem', 'the state system (who could catch the buck)'),
    coveredAt(i, 'evidence') ? null : coverageReason(i, 'evidence', 'evidence against the target'),
  ].filter((x): x is Reason => x !== null);
  if (notCovered.length) return { attractiveness: null, buckCatchers: [], reasons: notCovered };
  const capabilities = coveredAt(i, 'capabilities');
  const catchers = i.candidates
    .filter((c) => !i.targets.includes(c))
    .map((c) => ({
      state: c,
      cinc: capabilities ? (i.cinc.get(c) ?? null) : null,
      evidence: (i.evidence.get(c) ?? []).filter((e) => i.targets.includes(e.target)),
    }))
    .filter((x) => x.evidence.length)
    .sort((x, y) => (y.cinc ?? 0) - (x.cinc ?? 0) || x.state - y.state);
  const catcherCinc = sumOrNull(catchers.map((c) => c.cinc));
  const attractiveness =
    catcherCinc !== null && targetCinc
      ? round(catcherCinc / (catcherCinc + targetCinc))
      : round(Math.min(1, catchers.length / BUCK_CATCHERS_FOR_FULL_ATTRACTIVENESS));
  const reasons: Reason[] = catchers.length
    ? [
        {
          text: `${catchers.length} other state(s) stood against the same target${catcherCinc !== null ? `, with CINC ${catcherCinc.toFixed(4)} together` : ''}`,
          sources: [],
        },
      ]
    : [{ text: 'no other state on record against the same target', sources: [] }];
  const partial = coverageReason(i, 'evidence', 'evidence against the target');
  if (partial) reasons.push(partial);
  return { attractiveness, buckCatchers: catchers, reasons };
}

/** The best of some attractiveness values, ignoring those not covered; null when none is. */
function best(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? Math.max(...known) : null;
}

/** All three options, the overall attractiveness and the coverage of one request. */
export function scoreOptions(i: OptionInputs): OptionResult {
  const targetCinc = sumOrNull(i.targets.map((t) => i.cinc.get(t)));
  const systemCovered = coveredAt(i, 'stateSystem');
  const allies = systemCovered ? scoreAlternativeAllies(i, targetCinc) : [];
  const unilateral = scoreUnilateral(i, targetCinc);
  const buckPassing = scoreBuckPassing(i, targetCinc);
  const allyAttr = systemCovered ? (allies[0]?.score ?? 0) : null;
  return {
    request: i.request,
    targets: i.targets,
    alternativeAllies: { attractiveness: allyAttr, allies, reasons: allyCoverageReasons(i) },
    unilateral,
    buckPassing,
    overall: best([allyAttr, unilateral.attractiveness, buckPassing.attractiveness]),
    coverage: coverageOf(i.layers, OPTION_FIGURES, yearOf(i.request.at)),
  };
}
