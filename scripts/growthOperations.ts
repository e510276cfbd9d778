/**
 * What the growth bench (`npm run bench -- --only growth`) runs on each synthetic graph
 * (scripts/syntheticGraph.ts): every traversal the API exposes (the analyses of the Query type, the
 * lookups with their relations, the explorer's examples, the pages) and every export, each asked
 * about the record's own states, negotiations, treaties and dates 1815-2018. Copies of the record
 * have other ccodes and later years, so each answer is the same at every factor: its time should not
 * grow with the graph.
 *
 * Pages are asked without `totalCount`, a count over the whole graph; the first pages hold the record's
 * own negotiations, states, treaties and threats (copies come later by date and ccode). A state's
 * unbounded lists (every negotiation, every spell) grow with its years by definition: the
 * StateNegotiations example shows one (its answer is marked as not the same).
 *
 * Left out: `agreementLikelihood` and `hypotheticalAgreement` (and the AgreementLikelihood example),
 * which fit the agreement model on every negotiation of the graph once per data version: a fit over
 * the whole record grows with it by definition, and x100 holds 30,400 cases.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { parse, print, Kind, type OperationDefinitionNode } from 'graphql';
import { projectRoot } from '../src/paths.js';
import type { QueryExecutor } from '../src/store/QueryExecutor.js';

export type GrowthKind = 'traversal' | 'lookup' | 'example' | 'page' | 'export';

export interface GraphqlOperation {
  kind: Exclude<GrowthKind, 'export'>;
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

export interface ExportOperation {
  kind: 'export';
  name: string;
  run(executor: QueryExecutor, out: Writable): Promise<void>;
}

export type GrowthOperation = GraphqlOperation | ExportOperation;

/** Fields that fit the agreement model over every negotiation (see above). */
const FITS_MODEL = /\b(agreementLikelihood|hypotheticalAgreement)\b/;

const traversals: [string, string][] = [
  [
    'sharedTargets (US, UK, Jan 1949)',
    '{ sharedTargets(stateA: 2, stateB: 200, at: "1949-01") { target { ccode } strength evidence { kind sources { key } } } }',
  ],
  [
    'alternativeAllies (UK, Anglo-German talks)',
    '{ alternativeAllies(state: 200, negotiation: "anglo-german-1898") { state { ccode } score reasons { text } } }',
  ],
  [
    'alternativeAllies (UK against GMY, 1912)',
    '{ alternativeAllies(state: 200, at: "1912-01-01", target: 255) { state { ccode } score reasons { text } } }',
  ],
  [
    'outsideOptions (USSR, 1939 talks)',
    '{ outsideOptions(negotiation: "british-french-soviet-1939", party: 365) { overall alternativeAllies { allies { state { ccode } } } unilateral { attractiveness } buckPassing { attractiveness } } }',
  ],
  [
    'outsideOptions (FRN, 1904)',
    '{ outsideOptions(party: 220, at: "1904-01-01") { overall alternativeAllies { allies { state { ccode } } } } }',
  ],
  [
    'outsideOptionsSeries (UK by era, 1815-2018)',
    '{ outsideOptionsSeries(state: 200, step: ERA) { at options { overall } } }',
  ],
  [
    'outsideOptionsSeries (UK 1900-1914 by year)',
    '{ outsideOptionsSeries(state: 200, from: 1900, to: 1914) { at options { overall } } }',
  ],
  ['portfolioSimilarity S (GMY, AUH, 1914)', '{ portfolioSimilarity(stateA: 255, stateB: 300, year: 1914) { value } }'],
  ['capabilityRatio (GMY, RUS, 1914)', '{ capabilityRatio(stateA: 255, stateB: 365, year: 1914) { ratio } }'],
  [
    'allianceNetwork (1914-06-28)',
    '{ allianceNetwork(at: "1914-06-28") { nodes { ccode cinc } edges { source target obligation } } }',
  ],
  ['alliancePath (JPN to FRN, 1914)', '{ alliancePath(from: 740, to: 220, at: "1914-06-28") { states } }'],
];

const lookups: [string, string][] = [
  [
    'state time travel (GMY 1950)',
    '{ state(ccode: 255) { inSystem(at: "1950") majorPower(at: "1938") allies(at: "1914-06-28") { state { ccode } } } }',
  ],
  [
    'state with its relations on a date (GMY, 1914)',
    '{ state(ccode: 255) { treaties(at: "1914-06-28") { treaty { key } entry } threatsPerceived(at: "1914-06-28") { from } capabilities(from: 1900, to: 1914) { cinc } sources { source { key } } } }',
  ],
  [
    'state.outsideOptions (USSR, 1939 talks)',
    '{ state(ccode: 365) { outsideOptions(negotiation: "british-french-soviet-1939") { overall } } }',
  ],
  [
    'negotiation with its relations (Anglo-German talks)',
    '{ negotiation(id: "anglo-german-1898") { parties { ccode } partyPositions { outsideOptions { overall } } thirdParties { role } recordedOutsideOptions { kind } realisesOutsideOptions { kind } compatibility { entry { targetAgreement } } rounds { sequence } proposals { summary } warPlans { approach } treaty { key } era { key } sources { source { key } } } }',
  ],
  [
    'treaty with its relations (Triple Alliance)',
    '{ treaty(atopId: 1350) { members { state { ccode } entry exit } phases { phase } directedAgainst { key } negotiation { key } era { key } sources { source { key } } } }',
  ],
  [
    'threat with its relations (Russia)',
    '{ threat(id: "threat-russia") { posedBy { ccode } perceivedBy(at: "1914-06-28") { ccode } sources { source { key } } } }',
  ],
];

const pages: [string, string][] = [
  ['negotiations (first 50)', '{ negotiations(first: 50) { edges { node { key } } } }'],
  [
    'negotiations (first 20, UK a party)',
    '{ negotiations(first: 20, filter: { party: 200 }) { edges { node { key } } } }',
  ],
  [
    'negotiations.partyPositions.outsideOptions (first 5)',
    '{ negotiations(first: 5) { edges { node { partyPositions { outsideOptions { overall } } } } } }',
  ],
  ['states (first 50)', '{ states(first: 50) { edges { node { ccode } } } }'],
  [
    'states in the system on 1914-06-28',
    '{ states(first: 100, filter: { inSystemAt: "1914-06-28" }) { totalCount edges { node { ccode } } } }',
  ],
  ['treaties (first 50)', '{ treaties(first: 50) { edges { node { key } } } }'],
  [
    'treaties (GMY a member on 1914-06-28)',
    '{ treaties(first: 50, filter: { member: 255, activeAt: "1914-06-28" }) { totalCount edges { node { key } } } }',
  ],
  ['threats (first 50)', '{ threats(first: 50) { edges { node { key } } } }'],
];

/** The named operations of the explorer's examples, each with its `# variables:` line. */
export function explorerExamples(): { name: string; query: string; variables: Record<string, unknown> }[] {
  const text = readFileSync(join(projectRoot, 'src', 'web', 'examples.graphql'), 'utf8');
  return parse(text)
    .definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query',
    )
    .map((d) => {
      const before = text.slice(0, d.loc!.start).split('\n').slice(-4).join('\n');
      const vars = /# variables: (\{.*\})\s*$/m.exec(before)?.[1];
      return {
        name: `example ${d.name!.value}`,
        query: print(d),
        variables: vars ? (JSON.parse(vars) as Record<string, unknown>) : {},
      };
    });
}

/** Every operation of the growth bench, in the order it prints them. */
export async function growthOperations(): Promise<GrowthOperation[]> {
  const { runExport } = await import('../src/export/index.js');
  const { writeOptionsSeriesCsv } = await import('../src/export/optionsSeries.export.js');
  const at = (format: 'gexf' | 'graphml' | 'cytoscape' | 'graphology', negotiationYears: number | null = null) => ({
    format,
    kind: 'at' as const,
    at: '1914-06-28',
    negotiationYears,
    directed: false,
  });
  const range = (format: 'gexf' | 'dyad-year' | 'state-year', from: string, to: string, negotiations = false) => ({
    format,
    kind: 'range' as const,
    from,
    to,
    negotiations,
    directed: false,
  });
  const exports: [string, (ex: QueryExecutor, out: Writable) => Promise<void>][] = [
    ['export gexf (1914-06-28)', (ex, out) => runExport(ex, at('gexf'), out)],
    ['export gexf (1914-06-28, negotiations 5 years)', (ex, out) => runExport(ex, at('gexf', 5), out)],
    ['export graphml (1914-06-28)', (ex, out) => runExport(ex, at('graphml'), out)],
    ['export cytoscape (1914-06-28)', (ex, out) => runExport(ex, at('cytoscape'), out)],
    ['export graphology (1914-06-28)', (ex, out) => runExport(ex, at('graphology'), out)],
    [
      'export gexf dynamic (1900-1920, negotiations)',
      (ex, out) => runExport(ex, range('gexf', '1900-01-01', '1920-12-31', true), out),
    ],
    ['export dyad-year (1816-1949)', (ex, out) => runExport(ex, range('dyad-year', '1816', '1949'), out)],
    ['export state-year (1815-2018)', (ex, out) => runExport(ex, range('state-year', '1815', '2018'), out)],
    [
      'export options-series (UK by era)',
      async (ex, out) => {
        await writeOptionsSeriesCsv(ex, { state: 200, from: null, to: null, step: 'ERA' }, out);
      },
    ],
  ];
  return [
    ...traversals.map(([name, query]) => ({ kind: 'traversal' as const, name, query, variables: {} })),
    ...lookups.map(([name, query]) => ({ kind: 'lookup' as const, name, query, variables: {} })),
    ...explorerExamples()
      .filter((e) => !FITS_MODEL.test(e.query))
      .map((e) => ({ kind: 'example' as const, ...e })),
    ...pages.map(([name, query]) => ({ kind: 'page' as const, name, query, variables: {} })),
    ...exports.map(([name, run]) => ({ kind: 'export' as const, name, run })),
  ];
}
