/**
 * The reliability and locator figures the docs show, computed from the record: Krippendorff's alpha
 * and raw agreement of the blind second coding for target and approach, the number of units and how
 * many each coder left unknown (docs/codebook.md §20), and the share of plan and recorded-option
 * citations with a checkable locator, overall and by era. README.md and docs/codebook.md show them
 * between `<!-- figures:reliability -->` and `<!-- /figures -->` (regenerate: scripts/renderReliability.ts).
 */
import { describe, expect, it } from 'vitest';
import { readSeedDir } from '../../src/seed/readSeedDir.js';
import { seedDir } from '../../src/paths.js';
import {
  FIGURE_FILES,
  figuresBlock,
  readProjectFile,
  regenerateCommand,
  reliabilityFigures,
  renderReliabilityFigures,
} from '../helpers/reliabilityFigures.js';

const data = readSeedDir(seedDir);
const figures = reliabilityFigures(data);
const sampled = data.negotiations.filter((n) => data.secondCoding.sample!.keys.includes(n.id));

describe('the second coding, from the record', () => {
  it("has one unit per party of every sampled negotiation, unknown where the record's plansUnknown or the second coder says so", () => {
    const units = sampled.reduce((a, n) => a + n.parties.length, 0);
    const unknownFirst = sampled.reduce((a, n) => a + n.plansUnknown.length, 0);
    const codings = data.secondCoding.codings;
    const unknownSecond = {
      target: codings.filter((c) => c.target == null && !c.targetStates).length,
      approach: codings.filter((c) => c.approach === null).length,
    };
    expect(figures.negotiations).toBe(sampled.length);
    for (const variable of ['target', 'approach'] as const) {
      const v = figures[variable];
      expect(v.units).toBe(units);
      expect(v.unknownFirst).toBe(unknownFirst);
      expect(v.unknownSecond).toBe(unknownSecond[variable]);
      expect(v.pairable).toBeLessThanOrEqual(units - Math.max(unknownFirst, unknownSecond[variable]));
      // The disagreements resolved in the notes are the pairable units the figures count as not agreed.
      expect(figures.resolutions[variable].disagreements).toBe(v.pairable - v.agreed);
    }
  });

  it('alpha and raw agreement for target and approach are defined and below perfect', () => {
    for (const v of [figures.target, figures.approach]) {
      expect(v.rawAgreement).toBeCloseTo(v.agreed / v.pairable, 12);
      expect(v.alpha).toBeGreaterThan(0);
      expect(v.alpha).toBeLessThan(1);
      // Alpha corrects raw agreement for chance: it is never above it on two coders' nominal data.
      expect(v.alpha!).toBeLessThanOrEqual(v.rawAgreement!);
    }
  });
});

describe('locators, from the record', () => {
  it('the eras add up to the whole, and every share is a count over a count', () => {
    const { overall, byEra } = figures.locators;
    expect(byEra.reduce((a, e) => a + e.citations, 0)).toBe(overall.citations);
    expect(byEra.reduce((a, e) => a + e.withLocator, 0)).toBe(overall.withLocator);
    const refs = data.negotiations.flatMap((n) => [...n.warPlans, ...n.outsideOptions].flatMap((x) => x.sources));
    expect(overall.citations).toBe(refs.length);
    expect(overall.withLocator).toBe(refs.filter((r) => r.chapter ?? r.document ?? r.pages).length);
  });
});

describe('the docs show the figures', () => {
  const rendered = renderReliabilityFigures(figures);
  for (const file of FIGURE_FILES)
    it(`${file}: the block between the markers holds the current figures (regenerate: ${regenerateCommand})`, () => {
      const block = figuresBlock(readProjectFile(file));
      expect(block, `${file} has no <!-- figures:reliability --> block`).not.toBeNull();
      expect(block!.endsWith(rendered), `${file}'s figures are stale: run ${regenerateCommand}`).toBe(true);
      for (const v of [figures.target, figures.approach]) {
        expect(block).toContain(v.alpha!.toFixed(3));
        expect(block).toContain(`${(100 * v.rawAgreement!).toFixed(1)}%`);
      }
      expect(block).toContain(`${(100 * figures.locators.overall.share!).toFixed(1)}%`);
    });
});
