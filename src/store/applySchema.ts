/**
 * Applies `graph/schema.cypher` (constraints and indexes). Both stores take one statement per call,
 * so the file is split on `;` at line ends. Every statement uses IF NOT EXISTS: applying twice is safe.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphDir } from '../paths.js';
import type { GraphStore } from './GraphStore.js';

export function readSchemaStatements(file = join(graphDir, 'schema.cypher')): string[] {
  return readFileSync(file, 'utf8')
    .replace(/^\s*\/\/.*$/gm, '')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function applySchema(store: GraphStore): Promise<number> {
  const statements = readSchemaStatements();
  for (const s of statements) await store.write(s, {}, 'graph/schema.cypher');
  return statements.length;
}
