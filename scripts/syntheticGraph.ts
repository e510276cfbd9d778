/**
 * A synthetic graph for scale runs: the curated seed with its negotiations multiplied `factor` times.
 * Copy k of negotiation `id` is `id~k` (its rounds, proposals and war plans get fresh ids derived
 * from it); states, threats, eras and sources are reused, so every traversal sees `factor` times the
 * negotiations, parties and war plans over the same states. Copies carry no treaty (the alliance
 * record stays the one of the seed and of the imported data sets).
 *
 *     import { writeSyntheticSeed } from './syntheticGraph.js';
 *     await writeSyntheticSeed(executor, 10);            // on an empty store (schema applied)
 *     npx tsx scripts/syntheticGraph.ts 10               // prints the node counts of a 10x graph
 */
import 'reflect-metadata';
import { pathToFileURL } from 'node:url';
import { writeSeed, type SeedSummary } from '../src/seed/loadSeed.js';
import { readSeedDir, type SeedData } from '../src/seed/readSeedDir.js';
import type { NegotiationSeed } from '../src/seed/seedFiles.schema.js';
import { seedDir } from '../src/paths.js';
import type { QueryExecutor } from '../src/store/QueryExecutor.js';
import * as q from '../src/store/queries.gen.js';

/** The seed data with each negotiation present `factor` times (the original and factor - 1 copies). */
export function multiplySeed(data: SeedData, factor: number): SeedData {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`factor must be a positive integer, got ${factor}`);
  const copies: NegotiationSeed[] = [];
  for (let k = 1; k < factor; k++) {
    for (const n of data.negotiations)
      copies.push({ ...n, id: `${n.id}~${k}`, name: `${n.name} (copy ${k})`, treaty: undefined } as NegotiationSeed);
  }
  return { ...data, negotiations: [...data.negotiations, ...copies] };
}

/** Writes the seed of `dir` (default: the project's seed, or SEED_DIR) multiplied `factor` times. */
export async function writeSyntheticSeed(
  executor: QueryExecutor,
  factor: number,
  dir: string = seedDir,
): Promise<SeedSummary> {
  const data = readSeedDir(dir);
  const summary = await writeSeed(executor, data);
  if (factor === 1) return summary;
  // The copies: negotiations, rounds and proposals through the seed's own writes, without war plans
  // (seedWarPlans MERGEs under the WarPlan uniqueness constraint, slow at this size), which are then
  // CREATEd in one statement per batch.
  const copies = multiplySeed({ ...data, negotiations: data.negotiations }, factor).negotiations.slice(
    data.negotiations.length,
  );
  const t0 = performance.now();
  await writeSeed(executor, { ...data, negotiations: copies.map((n) => ({ ...n, warPlans: [] })) });
  const plans = copies.flatMap((n) =>
    n.warPlans
      .filter((w) => w.fromRound === undefined)
      .map((w) => ({
        id: `${n.id}-${w.kind.toLowerCase()}-${w.party}`,
        negotiation: n.id,
        party: w.party,
        kind: w.kind,
        target: w.target,
        approach: w.approach,
        justification: w.justification,
        confidence: w.confidence,
        sources: w.sources.map((s) => s.key),
      })),
  );
  for (let i = 0; i < plans.length; i += 2000) {
    await executor.store.write(CREATE_PLANS, { rows: plans.slice(i, i + 2000) }, 'synthetic-war-plans');
  }
  return {
    ...summary,
    negotiations: summary.negotiations * factor,
    ms: summary.ms + Math.round(performance.now() - t0),
  };
}

const CREATE_PLANS = `UNWIND $rows AS row
MATCH (n:Negotiation {id: row.negotiation})
MATCH (s:State {ccode: row.party})
MATCH (t:Threat {id: row.target})
CREATE (n)-[:HAS_WAR_PLAN]->(w:WarPlan {id: row.id, kind: row.kind, approach: row.approach, justification: row.justification, confidence: row.confidence})
CREATE (s)-[:HOLDS]->(w)
CREATE (w)-[:TARGETS]->(t)
WITH w, row
UNWIND row.sources AS key
MATCH (src:Source {key: key})
CREATE (w)-[:CITES]->(src)`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { applySchema, CypherRegistry, GrafeoStore, QueryExecutor } = await import('../src/store/index.js');
  const factor = Number(process.argv[2] ?? 10);
  const executor = new QueryExecutor(GrafeoStore.open(), CypherRegistry.load());
  await applySchema(executor.store);
  const summary = await writeSyntheticSeed(executor, factor);
  console.log(`synthetic seed x${factor}:`, summary);
  console.log(await executor.read(q.countNodesByLabel));
  await executor.store.close();
}
