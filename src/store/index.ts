export type { GraphStore, StoreTransaction, StoreHealth, StoreKind, Params, Row } from './GraphStore.js';
export { GrafeoStore } from './GrafeoStore.js';
export { Neo4jStore } from './Neo4jStore.js';
export { CypherRegistry, parseCypherFile, type CypherQuery } from './CypherRegistry.js';
export { QueryExecutor, type QueryEvent, type QueryObserver, type NamedTransaction } from './QueryExecutor.js';
export { normaliseValue, normaliseRow } from './normaliseValue.js';
export { openStore, EMBEDDED_FILE } from './openStore.js';
export { applySchema } from './applySchema.js';
