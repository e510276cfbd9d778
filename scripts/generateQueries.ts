/**
 * Writes src/store/queries.gen.ts from the headers of cypher/*.cypher: per query a `Params` and a
 * `Row` type and a typed handle. Run after changing a Cypher file's header:
 *
 *     npx tsx scripts/generateQueries.ts          (write the file)
 *     npx tsx scripts/generateQueries.ts --check  (exit 1 when the file is stale; the drift test does the same)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CypherRegistry } from '../src/store/CypherRegistry.js';
import { renderQueriesModule } from '../src/store/renderQueriesModule.js';
import { projectRoot } from '../src/paths.js';

const target = join(projectRoot, 'src', 'store', 'queries.gen.ts');
const text = renderQueriesModule(CypherRegistry.load().all());
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== text) {
    console.error('src/store/queries.gen.ts is stale: run npx tsx scripts/generateQueries.ts');
    process.exit(1);
  }
  console.log('src/store/queries.gen.ts is up to date');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target} (${CypherRegistry.load().names().length} queries)`);
}
