/**
 * Configuration from the environment, read once. Every option, with its default:
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | PORT | 4000 | HTTP port |
 * | HOST | 127.0.0.1 | interface to listen on |
 * | STORE | embedded | `embedded` (Grafeo file) or `neo4j` |
 * | DATA_DIR | ./data | where the embedded store keeps its file (`alliance.grafeo`) |
 * | NEO4J_URI | neo4j://localhost:7687 | bolt:// or neo4j:// (routing, cluster, Aura) |
 * | NEO4J_USER | neo4j | |
 * | NEO4J_PASSWORD | (none) | required with STORE=neo4j |
 * | NEO4J_DATABASE | (server default) | |
 * | MAX_DEPTH | 8 | deepest selection set accepted |
 * | MAX_COST | 25000 | largest estimated query cost accepted |
 * | MAX_PAGE_SIZE | 100 | largest `first` accepted on a connection |
 * | LOG_LEVEL | info | pino level (`silent` to turn off) |
 */
import { isAbsolute, join } from 'node:path';
import { projectRoot } from './paths.js';

export interface Config {
  port: number;
  host: string;
  store: 'embedded' | 'neo4j';
  dataDir: string;
  neo4j: { uri: string; user: string; password: string; database?: string };
  limits: { maxDepth: number; maxCost: number; maxPageSize: number };
  logLevel: string;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const store = (env.STORE ?? 'embedded').toLowerCase();
  if (store !== 'embedded' && store !== 'neo4j') throw new Error(`STORE must be "embedded" or "neo4j", got ${JSON.stringify(env.STORE)}`);
  const dataDir = env.DATA_DIR ?? 'data';
  return {
    port: int(env, 'PORT', 4000, 0),
    host: env.HOST ?? '127.0.0.1',
    store,
    dataDir: isAbsolute(dataDir) ? dataDir : join(projectRoot, dataDir),
    neo4j: {
      uri: env.NEO4J_URI ?? 'neo4j://localhost:7687',
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE || undefined,
    },
    limits: {
      maxDepth: int(env, 'MAX_DEPTH', 8),
      maxCost: int(env, 'MAX_COST', 25000),
      maxPageSize: int(env, 'MAX_PAGE_SIZE', 100),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
