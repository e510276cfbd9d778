/**
 * `GET /metrics` (Prometheus text format): the memory the server holds, and what its caches hold
 * against their budgets in bytes (issue 28 §6), so that an operator sees where memory goes before
 * MAX_HEAP_SHARE refuses work.
 */
import type { QueryExecutor } from './store/QueryExecutor.js';
import type { CacheFigures } from './store/byteBudget.js';
import { resultCacheFigures } from './analysis/outsideOptions/resultCache.js';

export function metricsText(executor: QueryExecutor): string {
  const caches: [string, CacheFigures | null | undefined][] = [
    ['read', executor.readCache?.figures()],
    ['outside_options', resultCacheFigures(executor)],
  ];
  const mem = process.memoryUsage();
  const lines: string[] = [];
  const metric = (name: string, type: 'gauge' | 'counter', help: string, values: [string, number][]) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, v] of values) lines.push(`${name}${labels} ${v}`);
  };
  const perCache = (f: (c: CacheFigures) => number): [string, number][] =>
    caches.flatMap(([name, c]) => (c ? [[`{cache="${name}"}`, f(c)] as [string, number]] : []));
  metric(
    'alliance_cache_bytes',
    'gauge',
    'Bytes a cache holds (approximate).',
    perCache((c) => c.bytes),
  );
  metric(
    'alliance_cache_max_bytes',
    'gauge',
    'Bytes a cache may hold (READ_CACHE_MB, RESULT_CACHE_MB).',
    perCache((c) => c.maxBytes),
  );
  metric(
    'alliance_cache_entries',
    'gauge',
    'Entries a cache holds.',
    perCache((c) => c.entries),
  );
  metric(
    'alliance_cache_hits_total',
    'counter',
    'Lookups a cache answered.',
    perCache((c) => c.hits),
  );
  metric(
    'alliance_cache_misses_total',
    'counter',
    'Lookups a cache did not answer.',
    perCache((c) => c.misses),
  );
  metric('process_resident_memory_bytes', 'gauge', 'Resident set size.', [['', mem.rss]]);
  metric('nodejs_heap_used_bytes', 'gauge', 'V8 heap in use.', [['', mem.heapUsed]]);
  metric('nodejs_heap_total_bytes', 'gauge', 'V8 heap allocated.', [['', mem.heapTotal]]);
  metric('nodejs_external_memory_bytes', 'gauge', 'Memory held outside the V8 heap (buffers, native objects).', [
    ['', mem.external],
  ]);
  return `${lines.join('\n')}\n`;
}
