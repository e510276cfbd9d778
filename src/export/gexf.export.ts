/**
 * GEXF 1.3 (Gephi): static for one date, dynamic for a range (`mode="dynamic"`, `timeformat="date"`,
 * node and edge `<spells>`, dynamic attribute values with start/end), so Gephi's timeline plays the
 * eras. Written as xmlbuilder2's callback writer wrote it (./xmlWriter.ts: the same text, without a
 * DOM per element) in chunks of about 64 KiB that the caller pulls (`gexfChunks`, an async
 * generator: piped to the response, the next chunk is made once the client has taken the last, so a
 * slow reader never makes the server hold the document), in slices that give the event loop a turn
 * (src/pacer.ts). Visual hints (`color`, `size`, `thickness`, `shape`) are the GEXF 1.3 schema's
 * elements in the gexf namespace (the published XSD declares them there; Gephi and graphology read
 * them by local name).
 */
import { XmlWriter } from './xmlWriter.js';
import { Pacer } from '../pacer.js';
import { addDays, describeCoverage, describeLayer } from '../domain/index.js';
import {
  NEGOTIATION_COLOUR,
  OBLIGATION_COLOURS,
  type DynamicGraph,
  type ExportGraph,
  type StaticGraph,
} from './model.js';
import { releaseInfo } from '../releaseInfo.js';

export const GEXF_NS = 'http://gexf.net/1.3';

/** The characters gathered into one chunk of the output. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The attributes of nodes and edges. `overTime`: its value changes within a range (CINC by year,
 * major-power status, an edge's strongest obligation), so the dynamic graph declares it
 * `mode="dynamic"` with a value per spell; the others hold one value for the whole range and are
 * declared static there too (a reader such as networkx otherwise turns `ccode` into a list of
 * (value, start, end) triples).
 */
interface Attribute {
  id: string;
  title: string;
  type: string;
  overTime?: true;
}

const NODE_ATTRIBUTES: readonly Attribute[] = [
  { id: 'ccode', title: 'ccode', type: 'integer' },
  { id: 'abbrev', title: 'abbrev', type: 'string' },
  { id: 'cinc', title: 'cinc', type: 'double', overTime: true },
  { id: 'majorPower', title: 'majorPower', type: 'boolean', overTime: true },
];

const EDGE_ATTRIBUTES: readonly Attribute[] = [
  { id: 'kind', title: 'kind', type: 'string' },
  { id: 'obligation', title: 'obligation', type: 'string', overTime: true },
  { id: 'level', title: 'level', type: 'integer', overTime: true },
  { id: 'treaties', title: 'treaties', type: 'string' },
  { id: 'atopIds', title: 'atopIds', type: 'string' },
  { id: 'negotiation', title: 'negotiation', type: 'string' },
  { id: 'outcome', title: 'outcome', type: 'string' },
];

/** Node size from CINC (also used by the network page): 4 + 60·√cinc. */
export const nodeSize = (cinc: number | null): number => Math.round((4 + 60 * Math.sqrt(cinc ?? 0)) * 100) / 100;

const hex = (colour: string) => ({
  r: parseInt(colour.slice(1, 3), 16),
  g: parseInt(colour.slice(3, 5), 16),
  b: parseInt(colour.slice(5, 7), 16),
});
const MAJOR = '#2c3e50';
const MINOR = '#95a5a6';

/** The `<attributes>` of a class: all static in a static graph; in a dynamic one, a static and a dynamic block. */
function attributes(x: XmlWriter, cls: 'node' | 'edge', graph: 'static' | 'dynamic', list: readonly Attribute[]): void {
  const blocks =
    graph === 'static'
      ? [{ mode: 'static', of: list }]
      : [
          { mode: 'static', of: list.filter((a) => !a.overTime) },
          { mode: 'dynamic', of: list.filter((a) => a.overTime) },
        ];
  for (const { mode, of } of blocks) {
    x.ele('attributes', { class: cls, mode });
    for (const a of of) x.ele('attribute', { id: a.id, title: a.title, type: a.type }).up();
    x.up();
  }
}

/** The present values; a turn between them when the slice is spent (a state's two centuries of CINC). */
async function attvalues(
  x: XmlWriter,
  values: { for: string; value: string | number | boolean | null; start?: string; end?: string }[],
  pacer: Pacer,
): Promise<void> {
  const present = values.filter((v) => v.value !== null && v.value !== '');
  if (!present.length) return;
  x.ele('attvalues');
  for (const v of present) {
    if (pacer.due()) await pacer.turn();
    x.ele('attvalue', { for: v.for, value: String(v.value), ...(v.start ? { start: v.start, end: v.end } : {}) }).up();
  }
  x.up();
}

async function* writeStatic(x: XmlWriter, g: StaticGraph, pacer: Pacer): AsyncGenerator<string> {
  x.ele('graph', { mode: 'static', defaultedgetype: 'undirected', idtype: 'string' });
  attributes(x, 'node', 'static', NODE_ATTRIBUTES);
  attributes(x, 'edge', 'static', EDGE_ATTRIBUTES);
  x.ele('nodes', { count: g.nodes.length });
  for (const n of g.nodes) {
    if (pacer.due()) await pacer.turn();
    x.ele('node', { id: n.id, label: n.name });
    await attvalues(
      x,
      [
        { for: 'ccode', value: n.ccode },
        { for: 'abbrev', value: n.abbrev },
        { for: 'cinc', value: n.cinc },
        { for: 'majorPower', value: n.majorPower },
      ],
      pacer,
    );
    x.ele('color', hex(n.majorPower ? MAJOR : MINOR)).up();
    x.ele('size', { value: nodeSize(n.cinc) }).up();
    x.up();
    if (x.text.length >= CHUNK_CHARS) yield x.take();
  }
  x.up();
  x.ele('edges', { count: g.edges.length });
  for (const e of g.edges) {
    if (pacer.due()) await pacer.turn();
    x.ele('edge', {
      id: e.id,
      source: e.source,
      target: e.target,
      weight: e.kind === 'alliance' ? e.level : 1,
      ...(e.negotiation ? { label: e.negotiation.name } : {}),
    });
    await attvalues(
      x,
      [
        { for: 'kind', value: e.kind },
        { for: 'obligation', value: e.obligation },
        { for: 'level', value: e.level },
        { for: 'treaties', value: e.treaties.join(';') },
        { for: 'atopIds', value: e.atopIds.join(';') },
        { for: 'negotiation', value: e.negotiation?.id ?? null },
        { for: 'outcome', value: e.negotiation?.outcome ?? null },
      ],
      pacer,
    );
    x.ele('color', hex(e.kind === 'alliance' ? (OBLIGATION_COLOURS[e.obligation!] ?? MINOR) : NEGOTIATION_COLOUR)).up();
    x.ele('thickness', { value: e.kind === 'alliance' ? e.level : 1 }).up();
    x.ele('shape', { value: e.negotiation?.outcome === 'NONAGREEMENT' ? 'dashed' : 'solid' }).up();
    x.up();
    if (x.text.length >= CHUNK_CHARS) yield x.take();
  }
  x.up();
  x.up();
}

function spells(x: XmlWriter, list: { start: string; end: string }[]): void {
  x.ele('spells');
  for (const s of list) x.ele('spell', { start: s.start, end: s.end }).up();
  x.up();
}

async function* writeDynamic(x: XmlWriter, g: DynamicGraph, pacer: Pacer): AsyncGenerator<string> {
  x.ele('graph', {
    mode: 'dynamic',
    defaultedgetype: 'undirected',
    idtype: 'string',
    timeformat: 'date',
    timerepresentation: 'interval',
    start: g.from,
    end: g.to,
  });
  attributes(x, 'node', 'dynamic', NODE_ATTRIBUTES);
  attributes(x, 'edge', 'dynamic', EDGE_ATTRIBUTES);
  x.ele('nodes', { count: g.nodes.length });
  for (const n of g.nodes) {
    if (pacer.due()) await pacer.turn();
    x.ele('node', { id: n.id, label: n.name });
    spells(x, n.spells);
    const majorValues: { for: string; value: boolean; start: string; end: string }[] = [];
    // majorPower: true within its spells, false in the rest of the system spells.
    for (const s of n.spells) {
      let cursor = s.start;
      for (const m of n.majorPowerSpells.filter((p) => p.start <= s.end && p.end >= s.start)) {
        if (m.start > cursor)
          majorValues.push({ for: 'majorPower', value: false, start: cursor, end: dayBefore(m.start) });
        majorValues.push({ for: 'majorPower', value: true, start: m.start, end: m.end });
        cursor = dayAfter(m.end);
      }
      if (cursor <= s.end) majorValues.push({ for: 'majorPower', value: false, start: cursor, end: s.end });
    }
    await attvalues(
      x,
      [
        { for: 'ccode', value: n.ccode },
        { for: 'abbrev', value: n.abbrev },
        ...n.cinc.map((c) => ({ for: 'cinc', value: c.value, start: c.spell.start, end: c.spell.end })),
        ...majorValues,
      ],
      pacer,
    );
    x.ele('color', hex(n.majorPowerSpells.length ? MAJOR : MINOR)).up();
    x.ele('size', { value: nodeSize(n.cinc.reduce((m, c) => Math.max(m, c.value), 0)) }).up();
    x.up();
    if (x.text.length >= CHUNK_CHARS) yield x.take();
  }
  x.up();
  x.ele('edges', { count: g.edges.length });
  for (const e of g.edges) {
    if (pacer.due()) await pacer.turn();
    const strongest = e.obligations.reduce<{ obligation: string; level: number } | null>(
      (m, o) => (!m || o.level > m.level ? o : m),
      null,
    );
    x.ele('edge', {
      id: e.id,
      source: e.source,
      target: e.target,
      weight: strongest?.level ?? 1,
      ...(e.negotiation ? { label: e.negotiation.name } : {}),
    });
    spells(x, e.spells);
    await attvalues(
      x,
      [
        { for: 'kind', value: e.kind },
        ...e.obligations.map((o) => ({
          for: 'obligation',
          value: o.obligation,
          start: o.spell.start,
          end: o.spell.end,
        })),
        ...e.obligations.map((o) => ({ for: 'level', value: o.level, start: o.spell.start, end: o.spell.end })),
        { for: 'treaties', value: e.treaties.join(';') },
        { for: 'atopIds', value: e.atopIds.join(';') },
        { for: 'negotiation', value: e.negotiation?.id ?? null },
        { for: 'outcome', value: e.negotiation?.outcome ?? null },
      ],
      pacer,
    );
    x.ele('color', hex(strongest ? (OBLIGATION_COLOURS[strongest.obligation] ?? MINOR) : NEGOTIATION_COLOUR)).up();
    x.ele('shape', { value: e.negotiation?.outcome === 'NONAGREEMENT' ? 'dashed' : 'solid' }).up();
    x.up();
    if (x.text.length >= CHUNK_CHARS) yield x.take();
  }
  x.up();
  x.up();
}

const dayBefore = (iso: string) => addDays(iso, -1);
const dayAfter = (iso: string) => addDays(iso, 1);

/**
 * The graph as GEXF 1.3, in chunks of about 64 KiB, made in slices of the pacer's budget: the event
 * loop turns between nodes and edges once a slice is spent (the dynamic graph of 1815–2018 is some
 * 90,000 elements). A chunk is made when the consumer asks for it: piped to a response, the writer waits
 * while the client has not taken the last one (`Readable.from` asks only below its high-water mark),
 * and stops at the next chunk when the response closes.
 */
export async function* gexfChunks(graph: ExportGraph, pacer: Pacer = new Pacer()): AsyncGenerator<string> {
  const x = new XmlWriter();
  x.dec('1.0', 'UTF-8');
  x.ele('gexf', { xmlns: GEXF_NS, version: '1.3' });
  const release = releaseInfo();
  x.ele('meta', { lastmodifieddate: new Date().toISOString().slice(0, 10) });
  x.ele('creator').txt('alliance-graph').up();
  x.ele('description')
    .txt(
      graph.mode === 'static'
        ? `Alliance network on ${graph.at}: states in the COW system, alliance ties by strongest obligation (ATOP and curated treaties). Data on ${graph.at}: ${describeCoverage(graph.coverage)}.`
        : `Alliance network ${graph.from} to ${graph.to}: states with their COW system spells, alliance ties with the spells they were in force. Data and the years they cover: ${graph.layers.map((l) => `${describeLayer(l)} (${l.figures.join(', ')})`).join('; ')}.`,
    )
    .txt(` Record release ${release.version} (${release.date}): ${release.citation}`)
    .up();
  x.up();
  if (graph.mode === 'static') yield* writeStatic(x, graph, pacer);
  else yield* writeDynamic(x, graph, pacer);
  x.up();
  x.end();
  if (x.text) yield x.take();
}
