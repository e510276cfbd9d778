export type {
  BulkNode,
  BulkRelationship,
  BulkWriter,
  DateKeys,
  GraphStore,
  NodeHandle,
  StoreTransaction,
  StoreHealth,
  StoreKind,
  Params,
  Row,
  ReadOptions,
} from './GraphStore.js';
export { GrafeoStore } from './GrafeoStore.js';
// Neo4jStore loads neo4j-driver: the server imports the modules it needs directly (src/openExecutor.ts),
// not this index, and ./openStore.ts imports the adapter only for STORE=neo4j.
export { Neo4jStore } from './Neo4jStore.js';
export { CypherRegistry, parseCypherFile, type CypherQuery } from './CypherRegistry.js';
export { QueryExecutor, type QueryEvent, type QueryObserver, type NamedTransaction } from './QueryExecutor.js';
export { normaliseValue, normaliseRow } from './normaliseValue.js';
export { openStore, EMBEDDED_FILE } from './openStore.js';
export { applySchema } from './applySchema.js';
