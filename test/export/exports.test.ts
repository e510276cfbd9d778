/**
 * The exports over HTTP on the curated seed plus the published data sets: GEXF (static and dynamic)
 * valid against the official GEXF 1.3 XSD (xmllint), GEXF and GraphML read back by graphology's
 * parsers with the counts of the GraphQL allianceNetwork, JSON formats, the dyad-year CSV of 1914,
 * and 400s for bad parameters.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MultiUndirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { parse as parseGexf } from 'graphology-gexf/node/index.js';
import { parse as parseGraphml } from 'graphology-graphml/node/index.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { startServer, type RunningServer } from '../../src/server.js';
import { projectRoot } from '../../src/paths.js';
import { releaseInfo } from '../../src/releaseInfo.js';
import { dynamicGraph, sliceAt } from '../../src/export/model.js';
import { parseExportRequest, runExport } from '../../src/export/index.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import { NETWORK_QUERIES } from '../../src/web/network/queries.js';
import { seededAndImported } from '../helpers/fullGraph.js';
import { createTestApi, testLimits, type TestApi } from '../helpers/testApi.js';
import { hasSharedData, sharedDataRequired, sharedDataSkipReason } from '../helpers/sharedData.js';

const XSD = join(projectRoot, '..', 'shared', 'schemas', 'gexf-1.3', 'gexf.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const xmllintRequired = process.env.CI === 'true';
const ARTIFACTS = join(projectRoot, 'test-results', 'exports');
const AT = '1914-06-28';
const xmllintSkipReason = hasXmllint ? '' : ' (skipped: xmllint is not installed; apt-get install libxml2-utils)';
// networkx, the Python reader most analysts use, reads the dynamic GEXF as a client would (.ci/run installs it).
const hasNetworkx = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' }).status === 0;
const networkxSkipReason = hasNetworkx ? '' : ' (skipped: networkx is not installed; python3 -m pip install networkx)';
if (!hasNetworkx && process.env.CI === 'true')
  throw new Error('networkx is not installed (python3 -m pip install networkx): required in CI');

/**
 * What networkx's read_gexf makes of a file, per node and edge: each attribute's Python type, and
 * the value of a few (ccode, abbrev, and for one edge its kind and atopIds).
 */
const NETWORKX_READ = `
import json, sys
import networkx as nx
g = nx.read_gexf(sys.argv[1])
def kinds(d): return {k: type(v).__name__ for k, v in d.items()}
nodes = {n: kinds(d) for n, d in g.nodes(data=True)}
edges = [kinds(d) for _, _, d in g.edges(data=True)]
print(json.dumps({"nodes": nodes, "edges": edges, "usa": {k: g.nodes["2"][k] for k in ("ccode", "abbrev")},
  "dual": {k: v for k, v in g.edges["255", "300"].items() if k in ("kind", "atopIds", "obligation")}}))
`;

if (!hasSharedData && sharedDataRequired)
  throw new Error(`exports tests need the published data sets in CI: ${sharedDataSkipReason}`);
if (!hasXmllint && xmllintRequired)
  throw new Error('xmllint is not installed (apt-get install libxml2-utils): required in CI');

/** Validates a GEXF file against the GEXF 1.3 XSD; returns xmllint's verdict. */
function validateGexf(file: string): { ok: boolean; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

describe.skipIf(!hasSharedData)(`exports${sharedDataSkipReason ? ` (${sharedDataSkipReason})` : ''}`, () => {
  let server: RunningServer;
  let executor: QueryExecutor;
  let api: TestApi;
  let network: { nodes: { ccode: number }[]; edges: { source: number; target: number; obligation: string }[] };
  const get = (path: string) => fetch(new URL(path, server.url));

  beforeAll(async () => {
    executor = await seededAndImported();
    api = await createTestApi(executor);
    server = await startServer({ executor, limits: testLimits, port: 0, host: '127.0.0.1' });
    const r = await api.run<{ allianceNetwork: typeof network }>(
      `query ($at: Date!) { allianceNetwork(at: $at) { nodes { ccode } edges { source target obligation } } }`,
      { at: AT },
    );
    network = r.data!.allianceNetwork;
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('GEXF 1.3 at a date: valid, and graphology reads back the nodes and edges of allianceNetwork', async () => {
    const res = await get(`/export/gexf?at=${AT}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/gexf\+xml/);
    const text = await res.text();
    const file = join(ARTIFACTS, `alliances-${AT}.gexf`);
    writeFileSync(file, text);
    const g = parseGexf(MultiUndirectedGraph, text);
    expect(g.order).toBe(network.nodes.length);
    expect(g.size).toBe(network.edges.length);
    expect(g.getNodeAttribute('255', 'majorPower')).toBe(true);
    expect(g.getEdgeAttribute('255-300', 'obligation')).toBe('DEFENSE');
    expect(network.nodes.length).toBeGreaterThan(30);
  });

  it('dynamic GEXF 1815–1949: valid, with spells, and its slice on a day is the network of that day', async () => {
    const res = await get('/export/gexf?from=1815-01-01&to=1949-12-31');
    expect(res.status).toBe(200);
    const text = await res.text();
    const file = join(ARTIFACTS, 'alliances-1815-1949.gexf');
    writeFileSync(file, text);
    expect(text).toMatch(/<graph mode="dynamic"[^>]*timeformat="date"/);
    expect(text).toContain('<spell start="1879-10-07" end="1918-11-03"/>');
    // graphology-gexf keeps only the last <attributes> block of a class (here the dynamic one).
    const g = parseGexf(MultiUndirectedGraph, text, { allowUndeclaredAttributes: true });
    const dyn = await dynamicGraph(executor, '1815-01-01', '1949-12-31');
    expect(g.order).toBe(dyn.nodes.length);
    expect(g.size).toBe(dyn.edges.length);
    const slice = sliceAt(dyn, AT);
    expect(slice.nodes.map(Number).sort((a, b) => a - b)).toEqual(
      network.nodes.map((n) => n.ccode).sort((a, b) => a - b),
    );
    expect(slice.edges.map((e) => `${e.id}:${e.obligation}`).sort()).toEqual(
      network.edges.map((e) => `${e.source}-${e.target}:${e.obligation}`).sort(),
    );
  });

  it.skipIf(!hasNetworkx)(
    `networkx reads the dynamic GEXF: time-invariant attributes as scalars, the changing ones as spells${networkxSkipReason}`,
    async () => {
      const file = join(ARTIFACTS, 'alliances-1815-1949-networkx.gexf');
      writeFileSync(file, await (await get('/export/gexf?from=1815&to=1949')).text());
      const r = spawnSync('python3', ['-c', NETWORKX_READ, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(r.status, r.stderr).toBe(0);
      const read = JSON.parse(r.stdout) as {
        nodes: Record<string, Record<string, string>>;
        edges: Record<string, string>[];
        usa: { ccode: number; abbrev: string };
        dual: { kind: string; atopIds: string; obligation: [string, string, string][] };
      };
      expect(read.usa).toEqual({ ccode: 2, abbrev: 'USA' });
      for (const types of Object.values(read.nodes)) {
        expect(types).toMatchObject({ ccode: 'int', abbrev: 'str' });
        if (types.cinc) expect(types.cinc).toBe('list');
        if (types.majorPower) expect(types.majorPower).toBe('list');
      }
      for (const types of read.edges) {
        expect(types.kind).toBe('str');
        for (const k of ['treaties', 'atopIds', 'negotiation', 'outcome']) if (types[k]) expect(types[k]).toBe('str');
        for (const k of ['obligation', 'level']) if (types[k]) expect(types[k]).toBe('list');
      }
      expect(read.dual.kind).toBe('alliance');
      expect(read.dual.atopIds).toMatch(/^\d+(;\d+)+$/);
      expect(read.dual.obligation.map((o) => o[0])).toContain('DEFENSE');
    },
  );

  it('issue 29 §3: the dynamic GEXF 1815–2018 to a reader that stops takes back-pressure (at most a few 64 KiB chunks wait); resumed slowly, the same bytes', async () => {
    const request = parseExportRequest('gexf', { from: '1815', to: '2018', negotiations: 'true' });
    const whole: Buffer[] = [];
    await runExport(
      executor,
      request,
      new Writable({
        write(chunk: Buffer, _e, done) {
          whole.push(chunk);
          done();
        },
      }),
    );
    // A reader that takes nothing until told: every write's callback is held.
    const held: (() => void)[] = [];
    const got: Buffer[] = [];
    let buffered = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _e, done) {
        got.push(chunk);
        held.push(done);
      },
    });
    const sample = () => (buffered = Math.max(buffered, slow.writableLength));
    let finished = false;
    const writing = runExport(executor, request, slow).finally(() => (finished = true));
    // Paused: once the first chunk is in, the writer stops within a few chunks (before, it wrote the
    // whole 5.5 MiB document into the stream's buffer while the reader took nothing).
    while (!got.length) await sleep(20);
    for (let last = -1; slow.writableLength !== last;) {
      last = slow.writableLength;
      sample();
      await sleep(500);
    }
    expect(finished).toBe(false);
    expect(slow.writableLength).toBeLessThan(256 * 1024);
    // Resumed, a chunk at a time with a pause between: the same document, never more than a few chunks waiting.
    while (!finished) {
      held.shift()?.();
      sample();
      await sleep(0);
    }
    await writing;
    expect(buffered).toBeLessThan(256 * 1024);
    expect(Buffer.concat(got).equals(Buffer.concat(whole))).toBe(true);
    expect(Buffer.concat(whole).length).toBeGreaterThan(4 * 2 ** 20);
  }, 120_000);

  it('GraphML with typed keys: graphology reads back the counts and typed values', async () => {
    const res = await get(`/export/graphml?at=${AT}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('attr.type="double"');
    const g = parseGraphml(MultiUndirectedGraph, text);
    expect(g.order).toBe(network.nodes.length);
    expect(g.size).toBe(network.edges.length);
    expect(typeof g.getNodeAttribute('200', 'cinc')).toBe('number');
    expect(g.getNodeAttribute('200', 'majorPower')).toBe(true);
    expect(g.getNodeAttribute('200', 'ccode')).toBe(200);
  });

  it('Cytoscape.js and graphology JSON have the same counts; the negotiation layer is added on request', async () => {
    const cy = (await (await get(`/export/cytoscape?at=${AT}`)).json()) as {
      elements: { nodes: unknown[]; edges: unknown[] };
    };
    expect(cy.elements.nodes).toHaveLength(network.nodes.length);
    expect(cy.elements.edges).toHaveLength(network.edges.length);
    const g = MultiUndirectedGraph.from((await (await get(`/export/graphology?at=${AT}`)).json()) as SerializedGraph);
    expect([g.order, g.size]).toEqual([network.nodes.length, network.edges.length]);
    const withNeg = (await (await get('/export/cytoscape?at=1901-12-31&negotiations=5')).json()) as {
      elements: { edges: { data: { kind: string; outcome?: string; dashed: boolean; negotiation?: string } }[] };
    };
    const neg = withNeg.elements.edges.filter((e) => e.data.kind === 'negotiation');
    expect(neg.map((e) => e.data.negotiation)).toContain('anglo-german-1898');
    for (const e of neg) expect(e.data.dashed).toBe(e.data.outcome === 'NONAGREEMENT');
  });

  it("every export carries the record's release: in the graph's data, a response header, the download's name", async () => {
    const { version, date } = releaseInfo();
    const gexf = await get(`/export/gexf?at=${AT}&download`);
    expect(gexf.headers.get('alliance-graph-release')).toBe(version);
    expect(gexf.headers.get('content-disposition')?.replace(/"/g, '')).toBe(
      `attachment; filename=alliances-${AT}-v${version}.gexf`,
    );
    expect(parseGexf(MultiUndirectedGraph, await gexf.text()).getAttribute('description')).toContain(
      `Record release ${version} (${date})`,
    );
    const graphml = parseGraphml(MultiUndirectedGraph, await (await get(`/export/graphml?at=${AT}`)).text());
    expect(graphml.getAttribute('release')).toBe(version);
    const cy = (await (await get(`/export/cytoscape?at=${AT}`)).json()) as {
      data: { at: string; release: string; complete: boolean };
    };
    expect(cy.data).toMatchObject({ at: AT, release: version }); // beside the coverage of the date
    expect(typeof cy.data.complete).toBe('boolean');
    const g = MultiUndirectedGraph.from((await (await get(`/export/graphology?at=${AT}`)).json()) as SerializedGraph);
    expect(g.getAttribute('release')).toBe(version);
  });

  it('every network export says which layers cover its date: 1914 all, 2017 neither the COW state system nor NMC (issue #24)', async () => {
    type Layer = { layer: string; covered: boolean; years: { from: number; to: number } | null; figures: string[] };
    const cyOf = async (at: string) =>
      ((await (await get(`/export/cytoscape?at=${at}`)).json()) as { data: { complete: boolean; coverage: Layer[] } })
        .data;
    const c1914 = await cyOf(AT);
    expect(c1914.complete).toBe(true);
    expect(c1914.coverage.map((l) => l.layer)).toEqual(expect.arrayContaining(['atop', 'cow-states', 'nmc']));
    expect(c1914.coverage.every((l) => l.covered)).toBe(true);
    const at = '2017-07-01';
    const c2017 = await cyOf(at);
    expect(c2017.complete).toBe(false);
    const byLayer = new Map(c2017.coverage.map((l) => [l.layer, l]));
    expect(byLayer.get('atop')).toMatchObject({ covered: true, years: { from: 1815, to: 2018 } });
    expect(byLayer.get('cow-states')).toMatchObject({ covered: false, years: { from: 1816, to: 2016 } });
    expect(byLayer.get('nmc')).toMatchObject({ covered: false, years: { from: 1816, to: 2016 } });
    const graphml = parseGraphml(MultiUndirectedGraph, await (await get(`/export/graphml?at=${at}`)).text());
    expect(graphml.getAttribute('complete')).toBe(false);
    expect(graphml.getAttribute('coverage')).toContain('nmc 6.0 (1816–2016): not covered');
    const g = MultiUndirectedGraph.from((await (await get(`/export/graphology?at=${at}`)).json()) as SerializedGraph);
    expect(g.getAttribute('complete')).toBe(false);
    expect(g.getAttribute('coverage')).toEqual(c2017.coverage);
    // No states on that date, so no edges: read the description from the XML (graphology's GEXF
    // reader cannot type an empty edge set).
    const gexf = await (await get(`/export/gexf?at=${at}`)).text();
    const description = /<description>([^<]*)<\/description>/.exec(gexf)?.[1] ?? '';
    expect(description).toContain(`Data on ${at}:`);
    expect(description).toContain('nmc 6.0 (1816–2016): not covered');
  });

  it('dyad-year CSV 1914: one row per dyad of system members; Germany–Austria-Hungary is a defense alliance', async () => {
    const res = await get('/export/dyad-year?from=1914&to=1914');
    expect(res.status).toBe(200);
    // The release in a header; no comment lines in the CSV (it starts with its header, as readers expect).
    expect(res.headers.get('alliance-graph-release')).toBe(releaseInfo().version);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await res.text();
    writeFileSync(join(ARTIFACTS, 'dyad-years-1914.csv'), text);
    const rows = parseCsv(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'ccode1',
      'ccode2',
      'year',
      'atop_defense',
      'atop_offense',
      'atop_neutral',
      'atop_nonagg',
      'atop_consul',
      'atop_shareob',
      'atop_transyr',
      'atop_bilatno',
      'atop_multino',
      'atop_number',
      'atop_asymm',
      'atop_ids',
      'treaties',
      'shared_targets',
      'portfolio_s',
    ]);
    // System members in 1914: those on its first and last day (no state entered and left within 1914).
    const members = new Set<number>();
    for (const at of ['1914-01-01', '1914-12-31']) {
      const r = await api.run<{ allianceNetwork: { nodes: { ccode: number }[] } }>(
        'query ($at: Date!) { allianceNetwork(at: $at) { nodes { ccode } } }',
        { at },
      );
      for (const n of r.data!.allianceNetwork.nodes) members.add(n.ccode);
    }
    const n = members.size;
    expect(rows).toHaveLength((n * (n - 1)) / 2);
    expect(new Set(rows.map((r) => `${r.ccode1}-${r.ccode2}`)).size).toBe(rows.length);
    for (const r of rows) {
      expect(Number(r.ccode1)).toBeLessThan(Number(r.ccode2));
      expect(members.has(Number(r.ccode1)) && members.has(Number(r.ccode2))).toBe(true);
    }
    const gmyAuh = rows.find((r) => r.ccode1 === '255' && r.ccode2 === '300')!;
    // Hand-checked: the Dual Alliance of 1879 (ATOP 1335) bound Germany and Austria-Hungary to mutual defense in 1914.
    expect(gmyAuh).toMatchObject({ year: '1914', atop_defense: '1' });
    expect(gmyAuh.atop_ids!.split(';')).toContain('1335');
    const measures = await api.run<{ portfolioSimilarity: { value: number }; sharedTargets: unknown[] }>(
      '{ portfolioSimilarity(stateA: 255, stateB: 300, year: 1914, measure: S) { value } sharedTargets(stateA: 255, stateB: 300, at: "1914-07-01") { strength } }',
    );
    expect(Number(gmyAuh.portfolio_s)).toBeCloseTo(measures.data!.portfolioSimilarity.value, 6);
    expect(Number(gmyAuh.shared_targets)).toBe(measures.data!.sharedTargets.length);
    const ukgUsa = rows.find((r) => r.ccode1 === '2' && r.ccode2 === '200')!;
    expect(ukgUsa).toMatchObject({
      atop_defense: '0',
      atop_offense: '0',
      atop_neutral: '0',
      atop_nonagg: '0',
      atop_consul: '0',
      atop_shareob: '',
      atop_number: '0',
      atop_ids: '',
    });
  });

  it.skipIf(!hasXmllint)(`the GEXF files written above validate against the GEXF 1.3 XSD${xmllintSkipReason}`, () => {
    for (const name of [`alliances-${AT}.gexf`, 'alliances-1815-1949.gexf']) {
      const file = join(ARTIFACTS, name);
      expect(validateGexf(file)).toEqual({ ok: true, output: `${file} validates` });
    }
  });

  it('the queries the network page links to run on the schema', async () => {
    const variables: Record<string, Record<string, unknown>> = {
      network: { at: AT },
      state: { ccode: 255, at: AT },
      tie: { a: 255, b: 300, at: AT, year: 1914 },
      negotiation: { id: 'anglo-german-1898' },
      eras: {},
    };
    for (const [name, query] of Object.entries(NETWORK_QUERIES)) {
      const r = await api.run(query, variables[name]);
      expect(r.errors, name).toBeUndefined();
      expect(r.data, name).toBeTruthy();
    }
  });

  it('bad parameters answer 400 {error, code: BAD_USER_INPUT}', async () => {
    for (const path of [
      '/export/gexf',
      '/export/gexf?at=1914-02-30',
      '/export/gexf?at=yesterday',
      '/export/pdf?at=1914-06-28',
      '/export/gexf?from=1600-01-01&to=1949-12-31',
      '/export/gexf?from=1914-01-01',
      '/export/gexf?from=1920-01-01&to=1910-01-01',
      '/export/graphml?from=1900-01-01&to=1910-01-01',
      '/export/gexf?at=1914-06-28&from=1900-01-01',
      '/export/cytoscape?at=1914-06-28&negotiations=-1',
      '/export/gexf?at=1914-06-28&at=1915-01-01',
      '/export/dyad-year?from=1914&to=1914&directed=maybe',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as { error: string; code: string };
      expect(body.code, path).toBe('BAD_USER_INPUT');
      expect(body.error, path).toBeTruthy();
    }
  });
});
