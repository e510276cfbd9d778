/**
 * Compatibility of the parties' ideal war plans (Poast 2019): parties are highly compatible when
 * they agree on both high-level components, the target and the approach.
 *
 * Targets are compared by the states posing them (two threat nodes posed by the USSR are the same
 * target). Agreement on a component is the share of parties in the largest group that agrees on
 * it; a party without an ideal plan on record agrees with nobody (the agreement model leaves such a
 * negotiation out: its plans are not known, see src/analysis/agreement/cases.ts).
 *
 * A plan may target a state at the table: a pact with the threat itself (neutrality, non-aggression,
 * coercive or "reinsurance" talks; Weitsman's tethering). Such plans enter compatibility as any other
 * (two parties each aiming at the other disagree on the target) and are counted apart, in
 * `targetsAtTable`, a feature of the model with its own coefficient.
 */
export interface PartyPlan {
  party: number;
  targets: number[];
  approach: string | null;
  /** The regions and states the commitment should cover, as keys (`r:far-east`, `s:385`); null: not coded. */
  scope?: string[] | null;
  /** AUTOMATIC or CONSULTATIVE; null: not coded. */
  form?: string | null;
}

export interface Compatibility {
  targetAgreement: number;
  approachAgreement: number;
  allTargetsAgree: boolean;
  allApproachesAgree: boolean;
  highlyCompatible: boolean;
  /** Over the parties whose plan codes a scope (form); null when fewer than two do. */
  scopeAgreement: number | null;
  allScopesAgree: boolean | null;
  formAgreement: number | null;
  allFormsAgree: boolean | null;
  /** Share of the parties whose plan targets a state at the table (a pact with the threat itself). */
  targetsAtTable: number;
  plans: PartyPlan[];
}

/** Agreement on an optional component: over the parties that code it, null when fewer than two do. */
function optionalShare(keys: (string | null | undefined)[]): number | null {
  const coded = keys.filter((k): k is string => k !== null && k !== undefined);
  return coded.length >= 2 ? largestShare(coded) : null;
}

function largestShare(keys: string[]): number {
  if (!keys.length) return 0;
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return Math.max(...counts.values()) / keys.length;
}

export function compatibility(parties: readonly number[], plans: readonly PartyPlan[]): Compatibility {
  const planOf = new Map<number, PartyPlan>();
  for (const p of plans) {
    const prev = planOf.get(p.party);
    planOf.set(
      p.party,
      prev
        ? { ...prev, targets: [...new Set([...prev.targets, ...p.targets])], approach: prev.approach ?? p.approach }
        : p,
    );
  }
  const ordered = parties.map((party) => planOf.get(party) ?? { party, targets: [], approach: null });
  const targetKeys = ordered.map((p) =>
    p.targets.length ? [...p.targets].sort((a, b) => a - b).join('+') : `none:${p.party}`,
  );
  const approachKeys = ordered.map((p) => p.approach ?? `none:${p.party}`);
  const targetAgreement = largestShare(targetKeys);
  const approachAgreement = largestShare(approachKeys);
  const scopeAgreement = optionalShare(ordered.map((p) => (p.scope?.length ? [...p.scope].sort().join('+') : null)));
  const formAgreement = optionalShare(ordered.map((p) => p.form ?? null));
  return {
    targetAgreement,
    approachAgreement,
    allTargetsAgree: targetAgreement === 1,
    allApproachesAgree: approachAgreement === 1,
    highlyCompatible: targetAgreement === 1 && approachAgreement === 1,
    scopeAgreement,
    allScopesAgree: scopeAgreement === null ? null : scopeAgreement === 1,
    formAgreement,
    allFormsAgree: formAgreement === null ? null : formAgreement === 1,
    targetsAtTable: ordered.length
      ? ordered.filter((p) => p.targets.some((t) => t !== p.party && parties.includes(t))).length / ordered.length
      : 0,
    plans: ordered,
  };
}
