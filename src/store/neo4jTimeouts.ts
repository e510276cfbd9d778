/**
 * Neo4j's time limits, in one place and without loading neo4j-driver: `openStore` derives the
 * adapter's from the configuration for any STORE, and the outage test and script derive their
 * bounds from the same figures.
 */
import type { Config } from '../config.js';

/** The driver's connection, acquisition and retry windows by default, in ms. */
export const NEO4J_CONNECTION_TIMEOUT_MS = 5000;

/** How long /readyz's check (`Neo4jStore.health`) may take by default before the store counts as not ready, in ms. */
export const NEO4J_HEALTH_TIMEOUT_MS = 2000;

/**
 * The driver's connection, acquisition and retry windows for a configuration: 5 s, or the request
 * deadline if shorter, so that a call waiting on a Neo4j gone away ends by then on its own, not only
 * the request racing it. Also how long a Neo4j that stopped answering takes to count as down
 * (OutageBreaker): from then on requests are answered STORE_UNAVAILABLE at once.
 */
export function neo4jConnectionTimeoutMs(limits?: Pick<Config['limits'], 'requestTimeoutMs'>): number {
  return Math.min(NEO4J_CONNECTION_TIMEOUT_MS, limits?.requestTimeoutMs ?? Infinity);
}
