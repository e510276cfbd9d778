/** The agreement model's answer in words: what the plans share, what the outside options are, what the model makes of it. */
import type { Compatibility, PartyPlan } from '../compatibility.js';
import type { PartyOutside } from './cases.js';

export function explain(
  subject: string,
  parties: readonly number[],
  c: Compatibility,
  outside: readonly PartyOutside[],
  p: number,
  interval: { low: number; high: number } | null,
  names: Map<number, string>,
): string {
  const name = (x: number) => names.get(x) ?? String(x);
  const plan = (pp: PartyPlan) =>
    `${name(pp.party)}: ${pp.targets.length ? pp.targets.map(name).join('/') : 'no plan on record'}${pp.approach ? `, ${pp.approach.toLowerCase()}` : ''}`;
  const parts: string[] = [];
  if (c.highlyCompatible) {
    parts.push(
      `The ideal war plans of ${parties.map(name).join(', ')} are highly compatible: all aim at ${c.plans[0]!.targets.map(name).join('/')} with a ${c.plans[0]!.approach?.toLowerCase()} approach, so agreement is likely whatever the outside options.`,
    );
  } else {
    const missing = [
      !c.allTargetsAgree && `targets (${Math.round(c.targetAgreement * 100)}% agree)`,
      !c.allApproachesAgree && `approaches (${Math.round(c.approachAgreement * 100)}% agree)`,
    ]
      .filter(Boolean)
      .join(' and ');
    parts.push(
      `The ideal war plans are not highly compatible — they differ on ${missing} (${c.plans.map(plan).join('; ')}) — so the outcome turns on the parties' outside options.`,
    );
    const top = [...outside].sort((a, b) => b.attractiveness - a.attractiveness)[0];
    if (top && top.attractiveness > 0) {
      const o = top.options;
      const ally = o?.alternativeAllies.allies[0];
      const kind = top.recorded
        ? 'an option its own decision-makers weighed, as the record gives it'
        : o && o.overall === o.alternativeAllies.attractiveness && ally
          ? `an alternative ally, ${name(ally.state)} (${ally.score.toFixed(2)})`
          : o && o.overall === (o.unilateral.attractiveness ?? -1)
            ? 'unilateral action'
            : 'buck-passing';
      parts.push(
        `The most attractive outside option is ${name(top.party)}'s (${top.attractiveness.toFixed(2)}): ${kind}. The more attractive it is, the less that party compromises.`,
      );
    } else {
      parts.push('No party has an attractive outside option on record, which keeps agreement possible.');
    }
  }
  const atTable = c.plans.filter((pp) => pp.targets.some((t) => t !== pp.party && parties.includes(t)));
  if (atTable.length)
    parts.push(
      `${atTable.map((pp) => name(pp.party)).join(' and ')} ${atTable.length > 1 ? 'aim' : 'aims'} at a state at the table: a pact with the threat itself (neutrality, non-aggression, restraint of a partner), which the model weighs as its own feature (target at the table), learned from the record's cases of that kind.`,
    );
  const range = interval ? ` (90% bootstrap interval ${interval.low.toFixed(2)}–${interval.high.toFixed(2)})` : '';
  parts.push(`Estimated probability of a treaty for ${subject}: ${p.toFixed(2)}${range}.`);
  return parts.join(' ');
}
