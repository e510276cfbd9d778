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

/** The names the statements create (`CREATE CONSTRAINT state_ccode IF NOT EXISTS …` → `state_ccode`). */
export function schemaNames(statements = readSchemaStatements()): string[] {
  return statements.flatMap((s) => /^CREATE\s+(?:CONSTRAINT|INDEX)\s+(\w+)/i.exec(s)?.[1] ?? []);
}

/**
 * Whether every constraint and index of `graph/schema.cypher` exists, by name (`SHOW CONSTRAINTS`,
 * `SHOW INDEXES`: both stores answer them, reading only): a store opened read-only can tell whether
 * the schema must be applied first.
 */
export async function schemaPresent(store: GraphStore): Promise<boolean> {
  const present = new Set<unknown>();
  for (const show of ['SHOW CONSTRAINTS', 'SHOW INDEXES'])
    for (const row of await store.read(show, {}, 'graph/schema.cypher')) present.add(row.name);
  return schemaNames().every((n) => present.has(n));
}
