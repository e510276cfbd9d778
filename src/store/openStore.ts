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
import { neo4jConnectionTimeoutMs } from './neo4jTimeouts.js';

/** File name of the embedded database inside DATA_DIR. */
export const EMBEDDED_FILE = 'alliance.grafeo';

/**
 * `readOnly`: the embedded file is opened under a shared lock (see GrafeoStore), so that exports run
 * beside a server; on Neo4j, which has no such lock, it changes nothing (reads are read transactions).
 */
export async function openStore(
  config: Pick<Config, 'store' | 'dataDir' | 'neo4j'> & { limits?: Pick<Config['limits'], 'requestTimeoutMs'> },
  options: { readOnly?: boolean } = {},
): Promise<GraphStore> {
  if (config.store === 'embedded')
    return GrafeoStore.open({ path: join(config.dataDir, EMBEDDED_FILE), readOnly: options.readOnly });
  if (!config.neo4j.password) throw new StoreUnavailableError('neo4j', 'NEO4J_PASSWORD is not set');
  const { Neo4jStore } = await import('./Neo4jStore.js');
  // The driver's windows within the request deadline (neo4jTimeouts.ts).
  return Neo4jStore.connect({ ...config.neo4j, connectionTimeoutMs: neo4jConnectionTimeoutMs(config.limits) });
}
