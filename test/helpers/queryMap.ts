/**
 * The query map (issue 10, item 2): for each operation of src/web/examples.graphql and each
 * research traversal below, the Cypher files it runs and its
 * store round trips, on the curated seed in memory. Rendered into graph/queries.md by
 * scripts/renderQueryMap.ts; test/drift/queryMap.test.ts checks the file is current.
 *
 * Only file names and round trips are kept: both are fixed by the code (DataLoader batching makes
 * them independent of how many negotiations, parties or states the seed holds), not by the data.
 */
import { readExamples } from '../../src/web/explorer.js';
import type { QueryEvent } from '../../src/store/QueryExecutor.js';
import { createTestApi } from './testApi.js';
import { seededEmbedded } from './testStore.js';

export const queryMapFile = 'graph/queries.md';
export const regenerateCommand = 'npx tsx scripts/renderQueryMap.ts';

/** The research traversals, as the README's "Research traversals" section and `npm run bench` show them. */
export const traversals: { name: string; query: string }[] = [
  {
    name: 'sharedTargets (US, UK, Jan 1949)',
    query:
      '{ sharedTargets(stateA: 2, stateB: 200, at: "1949-01") { target { ccode } strength evidence { kind sources { key } } } }',
  },
  {
    name: 'alternativeAllies (UK, Anglo-German talks)',
    query:
      '{ alternativeAllies(state: 200, negotiation: "anglo-german-1898") { state { ccode } score reasons { text } } }',
  },
  {
    name: 'outsideOptions (USSR, 1939 talks)',
    query:
      '{ outsideOptions(negotiation: "british-french-soviet-1939", party: 365) { overall alternativeAllies { allies { state { ccode } } } unilateral { attractiveness } buckPassing { attractiveness } } }',
  },
  {
    name: 'portfolioSimilarity S (GMY, AUH, 1914)',
    query: '{ portfolioSimilarity(stateA: 255, stateB: 300, year: 1914) { value } }',
  },
  {
    name: 'capabilityRatio (GMY, RUS, 1914)',
    query: '{ capabilityRatio(stateA: 255, stateB: 365, year: 1914) { ratio } }',
  },
  {
    name: 'allianceNetwork (1914-06-28)',
    query: '{ allianceNetwork(at: "1914-06-28") { nodes { ccode cinc } edges { source target obligation } } }',
  },
  {
    name: 'alliancePath (JPN to FRN, 1914)',
    query: '{ alliancePath(from: 740, to: 220, at: "1914-06-28") { states } }',
  },
  {
    name: 'state time travel (GMY 1950)',
    query:
      '{ state(ccode: 255) { inSystem(at: "1950") majorPower(at: "1938") allies(at: "1914-06-28") { state { ccode } } } }',
  },
  {
    name: 'agreementLikelihood (NATO talks, cached model)',
    query: '{ agreementLikelihood(negotiation: "north-atlantic-1948") { probability } }',
  },
  {
    name: 'negotiations.partyPositions.outsideOptions (first 5)',
    query: '{ negotiations(first: 5) { edges { node { partyPositions { outsideOptions { overall } } } } } }',
  },
  {
    name: 'negotiations.partyPositions.outsideOptions (all)',
    query: '{ negotiations(first: 1000) { edges { node { partyPositions { outsideOptions { overall } } } } } }',
  },
];

export interface QueryMapEntry {
  kind: 'example' | 'traversal';
  name: string;
  /** Cypher files run, by name, sorted. */
  files: string[];
  roundTrips: number;
  /** When the first run in the process differs (a process-wide cache filled), what it ran. */
  cold?: { files: string[]; roundTrips: number };
}

/** Runs every operation twice on a fresh seeded store (cold, then warm) and records its reads. */
export async function buildQueryMap(): Promise<QueryMapEntry[]> {
  let events: QueryEvent[] = [];
  const executor = await seededEmbedded((e) => {
    if (e.requestId !== undefined) events.push(e);
  });
  // The bench's limits: the "all negotiations" case pages past MAX_PAGE_SIZE.
  const api = await createTestApi(executor, { maxDepth: 12, maxCost: 10_000_000, maxPageSize: 1000 });
  const ops = [
    ...readExamples().map((e) => ({
      kind: 'example' as const,
      name: e.name,
      query: e.query,
      variables: e.variables ? (JSON.parse(e.variables) as Record<string, unknown>) : undefined,
    })),
    ...traversals.map((t) => ({ kind: 'traversal' as const, name: t.name, query: t.query, variables: undefined })),
  ];
  const runOnce = async (op: (typeof ops)[number]) => {
    events = [];
    const r = await api.run(op.query, op.variables);
    if (r.errors) throw new Error(`${op.name} failed: ${JSON.stringify(r.errors)}`);
    const reads = events.filter((e) => e.mode === 'READ');
    return { files: [...new Set(reads.map((e) => e.name))].sort(), roundTrips: r.roundTrips };
  };
  const cold = [];
  for (const op of ops) cold.push(await runOnce(op));
  const out: QueryMapEntry[] = [];
  for (const [i, op] of ops.entries()) {
    const warm = await runOnce(op);
    const first = cold[i]!;
    // A cold run is shown when it reads other files (a cache filled on the first run); the same files
    // in one round trip more or less is DataLoader batching under a loaded machine, not a cache.
    const same = first.files.join() === warm.files.join();
    out.push({ kind: op.kind, name: op.name, ...warm, ...(same ? {} : { cold: first }) });
  }
  await api.apollo.stop();
  return out;
}

export function renderQueryMap(entries: QueryMapEntry[]): string {
  const section = (kind: QueryMapEntry['kind']) =>
    entries
      .filter((e) => e.kind === kind)
      .map((e) => {
        const files = e.files.map((f) => `\`${f}\``).join(', ');
        const cold = e.cold
          ? `\n  - first run in a process (cache cold): ${e.cold.roundTrips} round trips — ${
              e.cold.files
                .filter((f) => !e.files.includes(f))
                .map((f) => `\`${f}\``)
                .join(', ') || 'same files'
            } in addition`
          : '';
        return `- **${e.name}** — ${e.roundTrips} round trip${e.roundTrips === 1 ? '' : 's'}, ${e.files.length} Cypher file${e.files.length === 1 ? '' : 's'}: ${files}${cold}`;
      })
      .join('\n');
  const used = new Map<string, string[]>();
  for (const e of entries)
    for (const f of [...e.files, ...(e.cold?.files ?? [])]) used.set(f, [...new Set([...(used.get(f) ?? []), e.name])]);
  const byFile = [...used.keys()]
    .sort()
    .map((f) => `| \`cypher/${f}.cypher\` | ${used.get(f)!.join(', ')} |`)
    .join('\n');
  return `# Query map: which Cypher each operation runs

Generated by \`${regenerateCommand}\`; \`test/drift/queryMap.test.ts\` fails when it is stale.
Each operation of \`src/web/examples.graphql\` (with its \`# variables:\` line) and each traversal of
the README's round-trip table, run through the API on the curated seed in memory: the Cypher files
it reads (\`cypher/<name>.cypher\`) and its store round trips (\`extensions.roundTrips\`). Figures are
for a warm process (the agreement model fitted and cached once per data version); where the first
run differs it is shown too. DataLoader batching makes both independent of the number of records.

## Explorer examples (src/web/examples.graphql)

${section('example')}

## README traversals

${section('traversal')}

## By Cypher file

| file | run by |
|---|---|
${byFile}
`;
}
