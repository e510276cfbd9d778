/** `npm ci` needs every optional platform binary of @grafeo-db/js listed in the lock (see scripts/lockOptionalPlatforms.mjs). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

describe('package-lock.json', () => {
  it('lists every optional @grafeo-db/js platform package (else run node scripts/lockOptionalPlatforms.mjs)', () => {
    const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { optionalDependencies?: Record<string, string> }>;
    };
    const wanted = Object.keys(lock.packages['node_modules/@grafeo-db/js']!.optionalDependencies ?? {});
    expect(wanted.length).toBeGreaterThan(1);
    for (const name of wanted) expect(lock.packages[`node_modules/${name}`], name).toBeDefined();
  });
});
