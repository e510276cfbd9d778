/**
 * The published data sets in ../shared/data (never copied into the project). Tests that need them
 * skip with a clear message when the folder is absent, and fail instead when CI=true: a CI run that
 * silently skipped the fidelity tests would prove nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

export const sharedDataDir = process.env.SHARED_DATA_DIR ?? join(projectRoot, '..', 'shared', 'data');
export const hasSharedData = existsSync(join(sharedDataDir, 'atop-5.1'));
export const sharedDataSkipReason = hasSharedData
  ? null
  : `skipped: the published data sets are not at ${sharedDataDir} (set SHARED_DATA_DIR)`;
export const sharedDataRequired = process.env.CI === 'true';

/** Call at the top of a test file: without the data, warn (tests skip) — or fail when CI=true. */
export function requireDataOrSkip(): void {
  if (hasSharedData) return;
  if (sharedDataRequired) {
    describe('published data sets', () => {
      it('are needed on CI', () => {
        throw new Error(`CI=true but ${sharedDataDir} is absent: the data tests cannot run`);
      });
    });
  } else {
    console.warn(sharedDataSkipReason);
  }
}

/** The data rows of a file, read independently of the importers (csv-parse, header as keys). */
export function fileRows(rel: string): Record<string, string>[] {
  return parse(readFileSync(join(sharedDataDir, rel), 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
}
