/**
 * The coding rules of seed/README.md, checked on every curated negotiation. They are the internal
 * consistency an expert reviewer looks for first: a plan does not aim at a partner at the table
 * unless the talks were about exactly that, and a party's target is one its decision-makers are
 * on record as seeing as a threat at the time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeedDir, type SeedData } from '../../src/seed/readSeedDir.js';
import type { NegotiationSeed, WarPlanSeed } from '../../src/seed/seedFiles.schema.js';
import { projectRoot, seedDir } from '../../src/paths.js';

let data: SeedData;
beforeAll(() => {
  data = readSeedDir(seedDir);
});

const posers = () => new Map(data.threats.map((t) => [t.id, t.posedBy]));

/** The date a plan is held from: the negotiation's start, or the start of the round named. */
function heldFrom(n: NegotiationSeed, w: WarPlanSeed): string {
  return w.fromRound === undefined ? n.start : n.rounds.find((r) => r.sequence === w.fromRound)!.start;
}

describe('coding rules', () => {
  it('no plan aims at a co-negotiator unless the negotiation says why (targetAtTable)', () => {
    const posedBy = posers();
    const bad: string[] = [];
    for (const n of data.negotiations) {
      if (n.targetAtTable) continue;
      const plans = [
        ...n.warPlans.map((w) => ({
          who: `plan of ${w.party}${w.fromRound ? ` from round ${w.fromRound}` : ''}`,
          target: w.target,
        })),
        ...n.proposals.flatMap((p, i) => (p.plan ? [{ who: `proposal ${i + 1}`, target: p.plan.target }] : [])),
      ];
      for (const p of plans) {
        const atTable = (posedBy.get(p.target) ?? []).filter((c) => n.parties.includes(c));
        if (atTable.length)
          bad.push(`${n.id}: ${p.who} targets ${p.target}, posed by ${atTable.join(', ')} at the table`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("every ideal plan's target is perceived by its holder when the plan is held, or the plan says why not", () => {
    const posedBy = posers();
    const bad: string[] = [];
    for (const n of data.negotiations) {
      for (const w of n.warPlans) {
        if (w.targetNotPerceived) continue;
        const at = heldFrom(n, w);
        const targetStates = new Set(posedBy.get(w.target) ?? []);
        const perceived = data.threats.some(
          (t) =>
            t.posedBy.some((c) => targetStates.has(c)) &&
            t.perceivedBy.some((p) => p.ccode === w.party && p.from <= at && (p.to === undefined || at <= p.to)),
        );
        if (!perceived) bad.push(`${n.id}: ${w.party} → ${w.target} on ${at}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('a later plan differs from the one it replaces, and is held from a round after the first', () => {
    const bad: string[] = [];
    for (const n of data.negotiations) {
      const first = Math.min(...n.rounds.map((r) => r.sequence));
      for (const w of n.warPlans.filter((x) => x.fromRound !== undefined)) {
        if (w.fromRound! <= first) bad.push(`${n.id}: plan of ${w.party} from round ${w.fromRound}`);
        const earlier = n.warPlans
          .filter((x) => x.party === w.party && (x.fromRound ?? first) < w.fromRound!)
          .sort((a, b) => (b.fromRound ?? first) - (a.fromRound ?? first))[0];
        const same =
          earlier &&
          earlier.target === w.target &&
          earlier.approach === w.approach &&
          earlier.form === w.form &&
          JSON.stringify(earlier.scope ?? null) === JSON.stringify(w.scope ?? null);
        if (same) bad.push(`${n.id}: plan of ${w.party} from round ${w.fromRound} repeats the earlier one`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('a realised outside option is a negotiation of that party, with the ally named, that did not end before the talks began', () => {
    const byId = new Map(data.negotiations.map((n) => [n.id, n]));
    const bad: string[] = [];
    for (const n of data.negotiations) {
      for (const o of n.outsideOptions.filter((x) => x.realisedIn)) {
        const r = byId.get(o.realisedIn!)!;
        if (!r.parties.includes(o.party)) bad.push(`${n.id}: ${o.party} is not a party to ${r.id}`);
        if (o.ally !== undefined && !r.parties.includes(o.ally))
          bad.push(`${n.id}: ally ${o.ally} is not a party to ${r.id}`);
        if (r.end < n.start) bad.push(`${n.id}: ${r.id} ended before the talks began`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('an alternative ally is not at the table', () => {
    const bad: string[] = [];
    for (const n of data.negotiations) {
      for (const o of n.outsideOptions) {
        for (const ally of [o.ally, ...o.alternatives.map((a) => a.ally)].filter((x): x is number => x !== undefined)) {
          if (n.parties.includes(ally)) bad.push(`${n.id}: ${o.party}'s alternative ally ${ally} is at the table`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('a locator is never a guess: pages look like pages, chapters like chapters', () => {
    const bad: string[] = [];
    const walk = (where: string, node: unknown): void => {
      if (Array.isArray(node)) {
        node.forEach((v) => walk(where, v));
        return;
      }
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (typeof o.key === 'string' && ('pages' in o || 'chapter' in o)) {
        if (o.pages !== undefined && !/^(\d+|[ivxlc]+)([-–]\d+)?(, ?(\d+|[ivxlc]+)([-–]\d+)?)*$/.test(String(o.pages)))
          bad.push(`${where}: pages "${o.pages}" (${o.key})`);
        if (o.chapter !== undefined && String(o.chapter).trim() === '') bad.push(`${where}: empty chapter (${o.key})`);
      }
      for (const v of Object.values(o)) walk(where, v);
    };
    for (const n of data.negotiations) walk(n.id, n);
    expect(bad).toEqual([]);
  });
  it('records, for every party of every negotiation, an outside option or that the works checked discuss none', () => {
    const bad: string[] = [];
    for (const n of data.negotiations)
      for (const c of n.parties)
        if (!n.outsideOptions.some((o) => o.party === c) && !n.optionsNotDiscussed.some((o) => o.party === c))
          bad.push(`${n.id}: ${c}`);
    expect(bad).toEqual([]);
  });
  it('gives every plan and recorded option of the canonical cases and of every failed negotiation a checkable locator, but the residue the codebook lists', () => {
    const canonical = ['anglo-german-1898', 'british-french-soviet-1939', 'north-atlantic-1948'];
    const located = (refs: { chapter?: string; document?: string; pages?: string }[]) =>
      refs.some((r) => r.chapter !== undefined || r.document !== undefined || r.pages !== undefined);
    const missing: string[] = [];
    for (const n of data.negotiations.filter((x) => x.outcome === 'NONAGREEMENT' || canonical.includes(x.id))) {
      n.warPlans.forEach((w, i) => {
        if (!located(w.sources)) missing.push(`${n.id} warPlans.${i} (${w.party})`);
      });
      n.outsideOptions.forEach((o, i) => {
        if (!located(o.sources)) missing.push(`${n.id} outsideOptions.${i} (${o.party})`);
      });
    }
    const codebook = readFileSync(join(projectRoot, 'docs', 'codebook.md'), 'utf8');
    const table = codebook.slice(
      codebook.indexOf('<!-- locator-residue -->'),
      codebook.indexOf('<!-- /locator-residue -->'),
    );
    const residue = [...table.matchAll(/^\| `([a-z0-9-]+)` \| (\S+ \(\d+\)) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(residue.length).toBeGreaterThan(0);
    expect(missing.sort()).toEqual(residue.sort());
    // The residue is small beside what was located.
    const all = data.negotiations
      .filter((x) => x.outcome === 'NONAGREEMENT' || canonical.includes(x.id))
      .reduce((k, n) => k + n.warPlans.length + n.outsideOptions.length, 0);
    expect(residue.length / all).toBeLessThan(0.06);
  });
});
