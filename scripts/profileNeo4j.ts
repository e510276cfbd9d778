/**
 * The plans of the read queries on a Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD; e.g. the one
 * `npm run neo4j` starts): for every read query in cypher/, EXPLAIN's operators (flagging
 * AllNodesScan and CartesianProduct) and PROFILE's db hits and time, as a Markdown table.
 *
 *   npx tsx scripts/profileNeo4j.ts [--load <data-dir>]
 *
 * --load wipes the database first and loads the curated seed and every data set from <data-dir>
 * (e.g. ../shared/data). Parameters: each query's `// example:` values are not declared, so every
 * parameter is null (or an empty list for list parameters): the table shows each plan's shape and
 * cost on those inputs; a query whose anchor is a parameter gets its index seek either way.
 */
import neo4j from 'neo4j-driver';
import { importAll } from '../src/import/index.js';
import { loadSeed } from '../src/seed/loadSeed.js';
import { applySchema, CypherRegistry, Neo4jStore, QueryExecutor } from '../src/store/index.js';

interface PlanNode {
  operatorType: string;
  dbHits?: number;
  children: PlanNode[];
}
const flatten = (p: PlanNode): PlanNode[] => [p, ...p.children.flatMap(flatten)];
const FLAGGED = /AllNodesScan|CartesianProduct/;

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD (npm run neo4j prints them)');
  const auth = neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? '');
  const registry = CypherRegistry.load();
  const loadAt = process.argv.indexOf('--load');
  if (loadAt >= 0) {
    const dir = process.argv[loadAt + 1];
    if (!dir) throw new Error('--load needs a data directory');
    const store = await Neo4jStore.connect({
      uri,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
    });
    for (;;) {
      const [r] = await store.write(
        'MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS deleted',
        {},
        'wipe',
      );
      if (!r || Number(r.deleted) === 0) break;
    }
    await applySchema(store);
    const ex = new QueryExecutor(store, registry);
    const t0 = performance.now();
    await loadSeed(ex);
    await importAll(ex, dir);
    console.error(`loaded seed + ${dir} in ${Math.round(performance.now() - t0)} ms`);
    await store.close();
  }
  const driver = neo4j.driver(uri, auth);
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  console.log('| query | db hits | ms | operators | flags |');
  console.log('|---|---:|---:|---|---|');
  try {
    for (const q of registry.all().filter((x) => x.mode === 'READ')) {
      const params = Object.fromEntries(q.paramTypes.map((p) => [p.name, p.type.kind === 'list' ? [] : null]));
      try {
        const explain = await session.run(`EXPLAIN ${q.text}`, params);
        const ops = flatten(explain.summary.plan as unknown as PlanNode).map((n) => n.operatorType.replace(/@.*$/, ''));
        const t0 = performance.now();
        const profiled = await session.run(`PROFILE ${q.text}`, params);
        const ms = performance.now() - t0;
        const hits = flatten(profiled.summary.profile as unknown as PlanNode).reduce(
          (s, n) => s + Number(n.dbHits ?? 0),
          0,
        );
        const flags = [...new Set(ops.filter((o) => FLAGGED.test(o)))].join(', ');
        console.log(
          `| ${q.name} | ${hits} | ${ms.toFixed(1)} | ${[...new Set(ops)].join(' ')} | ${flags ? `**${flags}**` : ''} |`,
        );
      } catch (e) {
        console.log(`| ${q.name} | — | — | error: ${(e as Error).message.split('\n')[0]} | |`);
      }
    }
  } finally {
    await session.close();
    await driver.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
