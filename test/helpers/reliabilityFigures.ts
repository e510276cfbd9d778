/**
 * The reliability and locator figures the docs show (README.md, "Reliability and locators";
 * docs/codebook.md §20.4), computed from the record and rendered as the markdown between the markers
 * `<!-- figures:reliability -->` and `<!-- /figures -->`. `scripts/renderReliability.ts` writes the
 * block into both files; `test/seed/reliabilityFigures.test.ts` checks that they are current.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import type { SeedData } from '../../src/seed/readSeedDir.js';
import {
  SECOND_CODING_VARIABLES,
  secondCodingUnits,
  type SecondCodingVariable,
} from '../../src/seed/secondCodingUnits.js';
import {
  RESOLUTION_DECISIONS,
  resolutionsIn,
  type ResolutionDecision,
} from '../../src/seed/secondCodingResolutions.js';
import { locatorShares, type LocatorShare } from '../../src/seed/locatorShare.js';
import { disagreeingUnits, twoCodingAgreement, type TwoCodingAgreement } from '../../src/analysis/reliability.js';

export const FIGURES_START = '<!-- figures:reliability -->';
export const FIGURES_END = '<!-- /figures -->';
/** The files that show the block, relative to the project root. */
export const FIGURE_FILES = ['README.md', 'docs/codebook.md'] as const;
export const regenerateCommand = 'npx tsx scripts/renderReliability.ts';

export interface ReliabilityFigures {
  negotiations: number;
  target: TwoCodingAgreement;
  approach: TwoCodingAgreement;
  /** Per variable, the disagreeing units and how the negotiations' notes resolve them (docs/codebook.md §20.5). */
  resolutions: Record<
    SecondCodingVariable,
    { disagreements: number; unresolved: number } & Record<ResolutionDecision, number>
  >;
  locators: { overall: LocatorShare; byEra: (LocatorShare & { era: string; name: string })[] };
}

export function reliabilityFigures(data: SeedData): ReliabilityFigures {
  const units = secondCodingUnits(data);
  const names = new Map(data.eras.map((e) => [e.id, e.name]));
  const shares = locatorShares(data);
  const states = new Map(data.states.map((s) => [s.ccode, s.name]));
  const notes = new Map(data.negotiations.map((n) => [n.id, n.notes]));
  const resolved = (variable: SecondCodingVariable) => {
    const counts = { disagreements: 0, unresolved: 0, kept: 0, alternative: 0, changed: 0 };
    for (const u of disagreeingUnits(units, (x) => x[variable])) {
      const found = resolutionsIn(notes.get(u.negotiation)).filter(
        (r) => r.party === states.get(u.party) && r.variable === variable,
      );
      counts.disagreements++;
      if (found.length === 1 && found[0]!.decision) counts[found[0]!.decision]++;
      else counts.unresolved++;
    }
    return counts;
  };
  return {
    negotiations: data.secondCoding.sample?.keys.length ?? 0,
    target: twoCodingAgreement(units.map((u) => u.target)),
    approach: twoCodingAgreement(units.map((u) => u.approach)),
    resolutions: { target: resolved('target'), approach: resolved('approach') },
    locators: { overall: shares.overall, byEra: shares.byEra.map((e) => ({ ...e, name: names.get(e.era)! })) },
  };
}

const percent = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);
const alpha = (x: number | null) => (x === null ? 'undefined' : x.toFixed(3));

/** The markdown between the markers (without them). */
export function renderReliabilityFigures(f: ReliabilityFigures): string {
  const row = (name: string, a: TwoCodingAgreement) =>
    `| ${name} | ${a.units} | ${a.unknownFirst} | ${a.unknownSecond} | ${a.pairable} | ${percent(a.rawAgreement)} (${a.agreed}) | ${alpha(a.alpha)} |`;
  const { overall, byEra } = f.locators;
  return [
    `Blind second coding of ${f.negotiations} sampled negotiations (\`seed/second-coding/\`): one unit per party's entry plan; a unit either coder left unknown drops out (docs/codebook.md §20.3).`,
    '',
    "| variable | units | unknown, first coding | unknown, second coding | pairable | raw agreement (agreed) | Krippendorff's α (nominal) |",
    '|---|---|---|---|---|---|---|',
    row('target (the states posing it, without the party)', f.target),
    row('approach (OFFENSIVE or DEFENSIVE)', f.approach),
    '',
    `Disagreements, each resolved in its negotiation's notes (docs/codebook.md §20.5): ${SECOND_CODING_VARIABLES.map(
      (v) => {
        const r = f.resolutions[v];
        const decisions = RESOLUTION_DECISIONS.map((d) => `${d} ${r[d]}`);
        if (r.unresolved) decisions.push(`unresolved ${r.unresolved}`);
        return `${v} ${r.disagreements} (${decisions.join(', ')})`;
      },
    ).join('; ')}.`,
    '',
    `Locators: of the ${overall.citations} citations behind the plans and recorded outside options (primary coding), ${overall.withLocator} (${percent(overall.share)}) carry a checkable locator (a chapter, a document or pages; seed/README.md, "Locators").`,
    '',
    '| era | citations | with a locator | share |',
    '|---|---|---|---|',
    ...byEra.map((e) => `| ${e.name} | ${e.citations} | ${e.withLocator} | ${percent(e.share)} |`),
  ].join('\n');
}

/** The text between the markers of a file, or null without them. */
export function figuresBlock(text: string): string | null {
  const start = text.indexOf(FIGURES_START);
  const end = text.indexOf(FIGURES_END, start);
  return start < 0 || end < 0 ? null : text.slice(start + FIGURES_START.length, end).trim();
}

/** `file`'s text with the figures in its block (whatever precedes them in the block, e.g. a heading, kept). */
export function withFigures(text: string, figures: string): string {
  const start = text.indexOf(FIGURES_START);
  const end = text.indexOf(FIGURES_END, start);
  if (start < 0 || end < 0) throw new Error(`no ${FIGURES_START} … ${FIGURES_END} block`);
  const inner = text.slice(start + FIGURES_START.length, end);
  const at = inner.indexOf('Blind second coding of ');
  const head = at >= 0 ? inner.slice(0, at) : inner.trim() ? `\n${inner.trim()}\n\n` : '\n';
  return `${text.slice(0, start + FIGURES_START.length)}${head}${figures}\n${text.slice(end)}`;
}

export const readProjectFile = (rel: string) => readFileSync(join(projectRoot, rel), 'utf8');
