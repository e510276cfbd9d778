/** Opens the configured store, applies graph/schema.cypher and returns the query executor. */
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { applySchema, CypherRegistry, openStore, QueryExecutor } from './store/index.js';
import { loadSeed } from './seed/loadSeed.js';

export async function openExecutor(config: Config, logger?: Logger): Promise<QueryExecutor> {
  const registry = CypherRegistry.load();
  const store = await openStore(config);
  const executor = new QueryExecutor(store, registry, logger);
  await applySchema(store);
  return executor;
}

/** Loads the curated seed if the graph has no negotiation yet; returns whether it did. */
export async function seedIfEmpty(executor: QueryExecutor, logger?: Logger): Promise<boolean> {
  const [row] = await executor.read<{ negotiations: number }>('countNegotiations');
  if ((row?.negotiations ?? 0) > 0) return false;
  const summary = await loadSeed(executor);
  logger?.info(summary, 'empty store: curated seed loaded');
  return true;
}
