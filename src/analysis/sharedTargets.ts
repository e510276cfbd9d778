/**
 * Targets two states both stood against at a date, with the evidence for each side, strongest first.
 *
 * strength = Σ over both states of the weights of the *kinds* of evidence each holds (a kind counts
 * once per state, so fifty disputes do not outweigh one alliance), + 1 for every piece of evidence
 * the two share (the same treaty, the same negotiation, the same dispute or war).
 */
import type { QueryExecutor } from '../store/QueryExecutor.js';
import { DEFAULT_WINDOW_YEARS, addYears, kindStrength } from '../domain/index.js';
import { evidenceKey, gatherTargetEvidence, type TargetEvidence } from '../reads/targetEvidence.js';

export interface SharedTarget {
  target: number;
  strength: number;
  evidence: (TargetEvidence & { joint: boolean })[];
}

/** The evidence window, in years before the date (one home: src/domain/outsideOptions.ts). */
export { DEFAULT_WINDOW_YEARS };

export function combineSharedTargets(
  a: number,
  b: number,
  evA: TargetEvidence[],
  evB: TargetEvidence[],
): SharedTarget[] {
  const byTarget = (ev: TargetEvidence[]) => {
    const m = new Map<number, TargetEvidence[]>();
    for (const e of ev) if (e.target !== a && e.target !== b) m.set(e.target, [...(m.get(e.target) ?? []), e]);
    return m;
  };
  const ta = byTarget(evA);
  const tb = byTarget(evB);
  const shared: SharedTarget[] = [];
  for (const [target, ea] of ta) {
    const eb = tb.get(target);
    if (!eb) continue;
    const refsA = new Set(ea.map((e) => e.reference));
    const refsB = new Set(eb.map((e) => e.reference));
    const jointRefs = [...refsA].filter((r) => refsB.has(r));
    const evidence = [...ea, ...eb].map((e) => ({ ...e, joint: jointRefs.includes(e.reference) }));
    shared.push({ target, strength: kindStrength(ea) + kindStrength(eb) + jointRefs.length, evidence });
  }
  return shared.sort((x, y) => y.strength - x.strength || x.target - y.target);
}

export async function sharedTargets(
  ex: QueryExecutor,
  a: number,
  b: number,
  at: string,
  windowYears = DEFAULT_WINDOW_YEARS,
): Promise<SharedTarget[]> {
  const from = addYears(at, -windowYears);
  const evidence = await gatherTargetEvidence(ex, [
    { ccode: a, from, to: at },
    { ccode: b, from, to: at },
  ]);
  return combineSharedTargets(
    a,
    b,
    evidence.get(evidenceKey({ ccode: a, from, to: at }))!,
    evidence.get(evidenceKey({ ccode: b, from, to: at }))!,
  );
}
