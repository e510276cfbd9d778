/**
 * GraphML of the network at one date, with typed keys (`attr.type` int, double, boolean, string),
 * written with xmlbuilder2's callback writer. GraphML has no standard notion of time: a range is a
 * GEXF (dynamic) export. The graph's data: the date, the record's release version, and which layers
 * cover the date (`complete`, `coverage`).
 */
import { createCB } from 'xmlbuilder2';
import type { StaticGraph } from './model.js';
import { describeCoverage } from '../domain/index.js';
import { releaseInfo } from '../releaseInfo.js';

export const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

const KEYS = [
  { id: 'at', for: 'graph', name: 'at', type: 'string' },
  { id: 'complete', for: 'graph', name: 'complete', type: 'boolean' },
  { id: 'coverage', for: 'graph', name: 'coverage', type: 'string' },
  { id: 'release', for: 'graph', name: 'release', type: 'string' },
  { id: 'label', for: 'node', name: 'label', type: 'string' },
  { id: 'ccode', for: 'node', name: 'ccode', type: 'int' },
  { id: 'abbrev', for: 'node', name: 'abbrev', type: 'string' },
  { id: 'cinc', for: 'node', name: 'cinc', type: 'double' },
  { id: 'majorPower', for: 'node', name: 'majorPower', type: 'boolean' },
  { id: 'kind', for: 'edge', name: 'kind', type: 'string' },
  { id: 'obligation', for: 'edge', name: 'obligation', type: 'string' },
  { id: 'level', for: 'edge', name: 'level', type: 'int' },
  { id: 'treaties', for: 'edge', name: 'treaties', type: 'string' },
  { id: 'atopIds', for: 'edge', name: 'atopIds', type: 'string' },
  { id: 'negotiation', for: 'edge', name: 'negotiation', type: 'string' },
  { id: 'outcome', for: 'edge', name: 'outcome', type: 'string' },
] as const;

export function writeGraphml(graph: StaticGraph, write: (chunk: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const x = createCB({ data: write, end: () => resolve(), error: reject, prettyPrint: true });
    const data = (key: string, value: string | number | boolean | null) => {
      if (value === null || value === '') return;
      x.ele('data', { key }).txt(String(value)).up();
    };
    x.dec({ version: '1.0', encoding: 'UTF-8' });
    x.ele(GRAPHML_NS, 'graphml');
    for (const k of KEYS) x.ele('key', { id: k.id, for: k.for, 'attr.name': k.name, 'attr.type': k.type }).up();
    x.ele('graph', { id: `alliances-${graph.at}`, edgedefault: 'undirected' });
    data('at', graph.at);
    data('complete', graph.coverage.complete);
    data('coverage', describeCoverage(graph.coverage));
    data('release', releaseInfo().version);
    for (const n of graph.nodes) {
      x.ele('node', { id: n.id });
      data('label', n.name);
      data('ccode', n.ccode);
      data('abbrev', n.abbrev);
      data('cinc', n.cinc);
      data('majorPower', n.majorPower);
      x.up();
    }
    for (const e of graph.edges) {
      x.ele('edge', { id: e.id, source: e.source, target: e.target });
      data('kind', e.kind);
      data('obligation', e.obligation);
      data('level', e.level);
      data('treaties', e.treaties.join(';'));
      data('atopIds', e.atopIds.join(';'));
      data('negotiation', e.negotiation?.id ?? null);
      data('outcome', e.negotiation?.outcome ?? null);
      x.up();
    }
    x.up();
    x.up();
    x.end();
  });
}
