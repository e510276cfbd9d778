/**
 * graphology's serialised JSON (`graph.export()`: `{options, attributes, nodes: [{key, attributes}],
 * edges: [{key, source, target, attributes, undirected}]}`), built with graphology itself so the
 * format is exactly what `Graph.from(json)` / `graph.import(json)` read. The graph is undirected and
 * multi (an alliance tie and a negotiation can join the same pair). Its attributes say, for the
 * date, which layers are covered (`complete`, `coverage`, as in the Cytoscape export).
 */
import { MultiUndirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { StaticGraph } from './model.js';
import { coverageJson } from './coverageJson.js';
import { releaseInfo } from '../releaseInfo.js';

export function toGraphology(graph: StaticGraph): SerializedGraph {
  const g = new MultiUndirectedGraph({ allowSelfLoops: false });
  g.setAttribute('at', graph.at);
  g.setAttribute('complete', graph.coverage.complete);
  g.setAttribute('coverage', coverageJson(graph.coverage.layers));
  g.setAttribute('release', releaseInfo().version);
  for (const n of graph.nodes)
    g.addNode(n.id, { label: n.name, ccode: n.ccode, abbrev: n.abbrev, cinc: n.cinc, majorPower: n.majorPower });
  for (const e of graph.edges) {
    g.addEdgeWithKey(e.id, e.source, e.target, {
      kind: e.kind,
      obligation: e.obligation,
      level: e.level,
      treaties: e.treaties,
      atopIds: e.atopIds,
      ...(e.negotiation ? { negotiation: e.negotiation.id, outcome: e.negotiation.outcome } : {}),
    });
  }
  return g.export();
}
