/**
 * The alliance network at a date: states that could act then (system members; with CINC and
 * major-power status) and the alliance ties in force between them, typed by their strongest
 * obligation (defense > offense > neutrality / non-aggression > consultation). A tie's obligations
 * are ATOP's at member and phase level: the two states are members of the same phase of a treaty,
 * and the tie carries what either owes the other then (`dyadObligations`, src/domain: an obligation
 * a member owes only to some members counts only toward them).
 * `alliancePath` is a breadth-first search over that network (Grafeo's shortestPath applies a
 * relationship filter after choosing the path, so the date filter is applied here instead).
 */
import type { QueryExecutor } from '../store/QueryExecutor.js';
import { dyadObligations, strongestObligation, tieLevel, yearOf } from '../domain/index.js';
import * as q from '../store/queries.gen.js';
import { readStatesAvailableAt } from '../reads/statesAvailable.js';
import type { AllianceTiesDuringRow } from '../store/queries.gen.js';

/** The obligations of one `allianceTiesDuring` row: ATOP's non-directed dyad rule on the two members' own coding. */
export function tieObligations(t: AllianceTiesDuringRow): string[] {
  return dyadObligations(
    { ccode: t.a, obligations: t.aObligations, varying: t.aVarying, owedTo: t.aOwedTo },
    { ccode: t.b, obligations: t.bObligations, varying: t.bVarying, owedTo: t.bOwedTo },
  );
}

export interface NetworkNode {
  ccode: number;
  abbrev: string;
  name: string;
  cinc: number | null;
  majorPower: boolean | null;
}
export interface NetworkEdge {
  source: number;
  target: number;
  obligation: string;
  level: number;
  treaties: string[];
  atopIds: number[];
}
export interface Network {
  at: string;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export async function allianceNetwork(
  ex: QueryExecutor,
  at: string,
  minObligation: string | null = null,
): Promise<Network> {
  const year = yearOf(at);
  const [states, ties, majors] = await Promise.all([
    readStatesAvailableAt(ex, [at]),
    ex.read(q.allianceTiesDuring, { from: at, to: at }),
    ex.read(q.majorPowersAt, { at }),
  ]);
  const caps = states.length
    ? await ex.read(q.cincOfStateYears, {
        items: states.map((s) => ({ id: `${s.ccode}-${year}`, ccode: s.ccode, year })),
      })
    : [];
  const cinc = new Map(caps.map((c) => [c.ccode, c.cinc]));
  const majorSet = new Set(majors.map((m) => m.ccode));
  const systemKnown = states.some((s) => s.systemKnown);
  const present = new Set(states.map((s) => s.ccode));
  const minLevel = minObligation ? tieLevel([minObligation]) : 1;

  const byPair = new Map<
    string,
    { a: number; b: number; obligations: Set<string>; treaties: string[]; atopIds: number[] }
  >();
  for (const t of ties) {
    if (!present.has(t.a) || !present.has(t.b)) continue;
    const obligations = tieObligations(t);
    if (!obligations.length) continue; // co-members owing each other nothing in this phase: no tie
    const key = `${t.a}-${t.b}`;
    const e = byPair.get(key) ?? { a: t.a, b: t.b, obligations: new Set<string>(), treaties: [], atopIds: [] };
    for (const o of obligations) e.obligations.add(o);
    e.treaties.push(t.treaty);
    if (t.atopId !== null) e.atopIds.push(t.atopId);
    byPair.set(key, e);
  }
  const edges: NetworkEdge[] = [];
  for (const e of byPair.values()) {
    const { level, name } = strongestObligation([...e.obligations]);
    if (level < minLevel) continue;
    edges.push({
      source: e.a,
      target: e.b,
      obligation: name,
      level,
      treaties: [...new Set(e.treaties)].sort(),
      atopIds: [...new Set(e.atopIds)].sort((x, y) => x - y),
    });
  }
  return {
    at,
    nodes: states.map((s) => ({
      ccode: s.ccode,
      abbrev: s.abbrev,
      name: s.name,
      cinc: cinc.get(s.ccode) ?? null,
      majorPower: systemKnown || majorSet.size ? majorSet.has(s.ccode) : null,
    })),
    edges,
  };
}

/**
 * Shortest chain of alliance ties from one state to another in the network (null: none); among
 * equally short chains, each state's strongest ties are tried first. graphology-shortest-path
 * (unweighted or bidirectional BFS, or Dijkstra weighted towards strong ties) finds chains of the
 * same length but breaks ties differently (about 1 reachable pair in 10 on the curated seed), so
 * this search stays.
 */
export function shortestAlliancePath(network: Network, from: number, to: number): NetworkEdge[] | null {
  if (from === to) return [];
  const adjacency = new Map<number, NetworkEdge[]>();
  for (const e of network.edges) {
    adjacency.set(e.source, [...(adjacency.get(e.source) ?? []), e]);
    adjacency.set(e.target, [...(adjacency.get(e.target) ?? []), e]);
  }
  const previous = new Map<number, { node: number; edge: NetworkEdge }>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length) {
    const node = queue.shift()!;
    for (const edge of [...(adjacency.get(node) ?? [])].sort((x, y) => y.level - x.level)) {
      const next = edge.source === node ? edge.target : edge.source;
      if (seen.has(next)) continue;
      seen.add(next);
      previous.set(next, { node, edge });
      if (next === to) {
        const path: NetworkEdge[] = [];
        for (let n = to; n !== from; n = previous.get(n)!.node) path.unshift(previous.get(n)!.edge);
        return path;
      }
      queue.push(next);
    }
  }
  return null;
}
