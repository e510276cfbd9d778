/**
 * Writes graph/queries.md: for each operation of src/web/examples.graphql and each README
 * traversal, the Cypher files it runs and its round trips (curated seed, embedded store, in memory).
 * test/drift/queryMap.test.ts checks the file is current.
 *
 *   npx tsx scripts/renderQueryMap.ts
 */
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/paths.js';
import { buildQueryMap, queryMapFile, renderQueryMap } from '../test/helpers/queryMap.js';

const file = join(projectRoot, queryMapFile);
const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
const after = renderQueryMap(await buildQueryMap());
writeFileSync(file, after);
console.log(before === after ? `${queryMapFile} already current` : `${queryMapFile} written`);
process.exit(0);
