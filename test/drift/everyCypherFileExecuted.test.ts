/**
 * "One text, two stores", second half: every cypher/*.cypher file was executed successfully on the
 * embedded Grafeo store by at least one test of the main group (which runs before this group).
 * The executors of test/helpers log each successful query into CYPHER_RUN_LOG.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CypherRegistry } from '../../src/store/CypherRegistry.js';

describe('every Cypher file is executed on Grafeo by a test', () => {
  const dir = process.env.CYPHER_RUN_LOG;
  it('the run log exists (run the whole suite: npm test)', () => {
    expect(dir, 'CYPHER_RUN_LOG is set by vitest.config.ts').toBeTruthy();
  });
  const executed = new Set<string>();
  if (dir)
    for (const f of readdirSync(dir))
      for (const l of readFileSync(join(dir, f), 'utf8').split('\n')) if (l) executed.add(l);
  it.each(CypherRegistry.load().names())('%s was executed', (name) => {
    expect(
      executed.has(name),
      `${name}.cypher was never executed by a test: add a Cypher-level or API test that runs it`,
    ).toBe(true);
  });
});
