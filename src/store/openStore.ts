/**
 * Opens the store the configuration names. Fails fast, with the reason, when it cannot.
 * The Neo4j adapter (and with it neo4j-driver, about 0.25 s to load) is imported only for
 * STORE=neo4j: a start on the embedded store never loads the driver.
 */
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { GraphStore } from './GraphStore.js';
import { GrafeoStore } from './GrafeoStore.js';
import { StoreUnavailableError } from '../errors/index.js';

/** File name of the embedded database inside DATA_DIR. */
export const EMBEDDED_FILE = 'alliance.grafeo';

export async function openStore(config: Pick<Config, 'store' | 'dataDir' | 'neo4j'>): Promise<GraphStore> {
  if (config.store === 'embedded') return GrafeoStore.open({ path: join(config.dataDir, EMBEDDED_FILE) });
  if (!config.neo4j.password) throw new StoreUnavailableError('neo4j', 'NEO4J_PASSWORD is not set');
  const { Neo4jStore } = await import('./Neo4jStore.js');
  return Neo4jStore.connect(config.neo4j);
}
