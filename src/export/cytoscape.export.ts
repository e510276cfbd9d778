/**
 * Cytoscape.js JSON (`{elements: {nodes, edges}}`, each element `{data: {...}}`), what
 * `cytoscape({elements})` and `cy.json()` take; the network page draws it. Node data carry the
 * drawing hints too (`size`, `colour`), edge data the obligation colour and `dashed` for failed
 * negotiations. Graph data: the date, the record's release version, and which layers cover the date
 * (`complete`, `coverage`: each layer, its years, whether they include the date, the figures resting on it).
 */
import { NEGOTIATION_COLOUR, OBLIGATION_COLOURS, type StaticGraph } from './model.js';
import { nodeSize } from './gexf.export.js';
import { coverageJson, type CoverageJson } from './coverageJson.js';
import { releaseInfo } from '../releaseInfo.js';

export interface CytoscapeJson {
  data: { at: string; release: string; complete: boolean; coverage: CoverageJson[] };
  elements: { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] };
}

export function toCytoscape(graph: StaticGraph): CytoscapeJson {
  return {
    data: {
      at: graph.at,
      release: releaseInfo().version,
      complete: graph.coverage.complete,
      coverage: coverageJson(graph.coverage.layers),
    },
    elements: {
      nodes: graph.nodes.map((n) => ({
        data: {
          id: n.id,
          label: n.abbrev || n.name,
          ccode: n.ccode,
          abbrev: n.abbrev,
          name: n.name,
          cinc: n.cinc,
          majorPower: n.majorPower,
          size: nodeSize(n.cinc),
        },
      })),
      edges: graph.edges.map((e) => ({
        data: {
          id: e.id,
          source: e.source,
          target: e.target,
          kind: e.kind,
          obligation: e.obligation,
          level: e.level,
          treaties: e.treaties,
          atopIds: e.atopIds,
          colour: e.kind === 'alliance' ? OBLIGATION_COLOURS[e.obligation!] : NEGOTIATION_COLOUR,
          ...(e.negotiation
            ? {
                negotiation: e.negotiation.id,
                negotiationName: e.negotiation.name,
                outcome: e.negotiation.outcome,
                start: e.negotiation.start,
                end: e.negotiation.end,
                dashed: e.negotiation.outcome === 'NONAGREEMENT',
              }
            : { dashed: false }),
        },
      })),
    },
  };
}
