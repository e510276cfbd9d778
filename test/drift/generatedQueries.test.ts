/** The typed query handles are generated from the Cypher headers: the committed file must be what the generator writes today. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CypherRegistry } from '../../src/store/CypherRegistry.js';
import { renderQueriesModule } from '../../src/store/renderQueriesModule.js';
import { projectRoot } from '../../src/paths.js';

it('src/store/queries.gen.ts is current (regenerate: npx tsx scripts/generateQueries.ts)', () => {
  const committed = readFileSync(join(projectRoot, 'src', 'store', 'queries.gen.ts'), 'utf8');
  expect(committed).toBe(renderQueriesModule(CypherRegistry.load().all()));
});
