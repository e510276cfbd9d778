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
 */
import {
  ALLY_WEIGHTS,
  BUCK_CATCHERS_FOR_FULL_ATTRACTIVENESS,
  SHARED_TARGET_SATURATION,
  TIE_VALUE,
  covers,
  kindStrength,
  overlaps,
  yearOf,
} from '../../domain/index.js';
import type { AllyComponents, AlternativeAlly, OptionInputs, OptionResult, Reason } from './types.js';

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

function sumOrNull(values: (number | null | undefined)[]): number | null {
  const known = values.filter((v): v is number => v !== null && v !== undefined);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

export function scoreAlternativeAllies(i: OptionInputs, targetCinc: number | null): AlternativeAlly[] {
  const { request: r, targets } = i;
  const year = yearOf(r.at);
  const nameOf = (c: number) => i.names.get(c) ?? String(c);
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
      capability: isTarget || cinc === null ? null : targetCinc ? round(cinc / (cinc + targetCinc)) : null,
      sharedTarget: round(Math.min(1, kindStrength(theirs) / SHARED_TARGET_SATURATION)),
      ties: current.length ? TIE_VALUE.current : myTies.length ? TIE_VALUE.former : TIE_VALUE.none,
      concurrentTalks: concurrent.length ? 1 : 0,
    };
    allies.push({ state: c, score: allyScore(components), components, reasons });
  }
  return allies.sort((x, y) => y.score - x.score || x.state - y.state);
}

export function scoreUnilateral(i: OptionInputs, targetCinc: number | null): OptionResult['unilateral'] {
  const r = i.request;
  const year = yearOf(r.at);
  const partyCinc = i.cinc.get(r.party) ?? null;
  const majorPower = i.spells.length
    ? i.spells.some((s) => s.kind === 'MAJOR_POWER' && covers(s.start, s.end, r.at))
    : null;
  const attractiveness = partyCinc !== null && targetCinc ? round(partyCinc / (partyCinc + targetCinc)) : null;
  const reasons: Reason[] = [
    attractiveness !== null
      ? {
          text: `CINC ${partyCinc!.toFixed(4)} against the target's ${targetCinc!.toFixed(4)} in ${year}: ${Math.round(attractiveness * 100)}% of the dyad's capabilities`,
          sources: [],
        }
      : { text: `no capability data for ${year} (import NMC to measure unilateral action)`, sources: [] },
  ];
  if (majorPower !== null)
    reasons.push({ text: majorPower ? 'a major power at the time' : 'not a major power at the time', sources: [] });
  return { attractiveness, partyCinc, targetCinc, majorPower, reasons };
}

export function scoreBuckPassing(i: OptionInputs, targetCinc: number | null): OptionResult['buckPassing'] {
  const catchers = i.candidates
    .filter((c) => !i.targets.includes(c))
    .map((c) => ({
      state: c,
      cinc: i.cinc.get(c) ?? null,
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
  return { attractiveness, buckCatchers: catchers, reasons };
}

/** All three options and the overall attractiveness of one request. */
export function scoreOptions(i: OptionInputs): OptionResult {
  const targetCinc = sumOrNull(i.targets.map((t) => i.cinc.get(t)));
  const allies = scoreAlternativeAllies(i, targetCinc);
  const unilateral = scoreUnilateral(i, targetCinc);
  const buckPassing = scoreBuckPassing(i, targetCinc);
  const allyAttr = allies[0]?.score ?? 0;
  return {
    request: i.request,
    targets: i.targets,
    alternativeAllies: { attractiveness: allyAttr, allies },
    unilateral,
    buckPassing,
    overall: Math.max(allyAttr, unilateral.attractiveness ?? 0, buckPassing.attractiveness),
  };
}
