/**
 * The README's robustness table (between `<!-- figures:robustness -->` and `<!-- /figures:robustness -->`):
 * computed on the record as `npm start` serves it (seed and published data sets), written by
 * scripts/renderRobustness.ts, checked by test/drift/robustnessFigures.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import { createLoaders } from '../../src/loaders/createLoaders.js';
import { createAnalysisContext } from '../../src/analysis/AnalysisContext.js';
import { renderRobustnessTable, robustnessOfRecord } from '../../src/analysis/agreement/index.js';

export const ROBUSTNESS_FILE = 'README.md';
export const robustnessCommand = 'npx tsx scripts/renderRobustness.ts';
const OPEN = '<!-- figures:robustness -->';
const CLOSE = '<!-- /figures:robustness -->';

export async function robustnessBlock(executor: QueryExecutor): Promise<string> {
  const r = await robustnessOfRecord(createAnalysisContext(executor, createLoaders(executor)));
  return [
    `Leave-one-out, each row fitted on its own cases, 90 % bootstrap intervals (2,000 resamples); the two sample rows compare the ${r.sampleCompared} negotiations of the reliability sample that both codings make cases (the second coder coded ${r.secondCodedInFull} in full). Method and reading: docs/scholars.md, "How good is the model?".`,
    '',
    renderRobustnessTable(r.rows),
  ].join('\n');
}

export function readReadme(): string {
  return readFileSync(join(projectRoot, ROBUSTNESS_FILE), 'utf8');
}

/** The block as the file holds it, or null without the markers. */
export function committedBlock(text: string): string | null {
  const a = text.indexOf(OPEN);
  const b = text.indexOf(CLOSE);
  return a < 0 || b < a ? null : text.slice(a + OPEN.length, b).trim();
}

export function withBlock(text: string, block: string): string {
  const a = text.indexOf(OPEN);
  const b = text.indexOf(CLOSE);
  if (a < 0 || b < a) throw new Error(`${ROBUSTNESS_FILE} has no ${OPEN} … ${CLOSE} block`);
  return `${text.slice(0, a + OPEN.length)}\n${block}\n${text.slice(b)}`;
}
