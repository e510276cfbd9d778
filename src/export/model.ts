/**
 * The graph the exporters write, in two shapes:
 *
 * - **static** (one date): exactly `allianceNetwork(at)` — states in the system at the date (CINC of
 *   that year, major-power status) and one edge per pair of allied states, typed by the strongest
 *   obligation — plus, when asked, the negotiation layer: one edge per pair of parties of each
 *   negotiation under way in the `negotiationYears` before the date.
 * - **dynamic** (a range): every state with its system-membership spells, its major-power spells
 *   and its CINC per year, and every alliance tie with the spells in which it was in force and its
 *   strongest obligation over time; read in three queries for the whole range (spells, memberships,
 *   capabilities), never one per year or per state. Sliced at any day, it gives the static network
 *   of that day.
 *
 * Dates are ISO `YYYY-MM-DD`; spells are closed intervals [start, end], clipped to the range.
 */
import type { QueryExecutor } from '../store/QueryExecutor.js';
import { allianceNetwork } from '../analysis/allianceNetwork.js';
import {
  addDays,
  addYears,
  commonSpell,
  coverageOf,
  yearOf,
  type Figure,
  type FigureCoverage,
  dyadObligations,
  strongestObligation,
  systemKnown,
  yearEnd,
  yearStart,
  type MemberObligations,
  type Obligation,
} from '../domain/index.js';
import * as q from '../store/queries.gen.js';
import { readLoadedLayers } from '../reads/loadedLayers.js';
import { Pacer } from '../pacer.js';

/** The state-years of one CINC read (see dynamicGraph). */
const CINC_BATCH = 1000;

export interface Spell {
  start: string;
  end: string;
}

export interface ExportNode {
  id: string;
  ccode: number;
  abbrev: string;
  name: string;
  /** Static: CINC in the year of the date. */
  cinc: number | null;
  majorPower: boolean | null;
}

export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  kind: 'alliance' | 'negotiation';
  /** Alliance: strongest obligation (DEFENSE, OFFENSE, NEUTRALITY, NON_AGGRESSION, CONSULTATION); negotiation: null. */
  obligation: string | null;
  /** Tie level 4 defense … 1 consultation; 0 for a negotiation. */
  level: number;
  treaties: string[];
  atopIds: number[];
  /** Negotiation edges: the negotiation key, name, outcome (AGREEMENT / NONAGREEMENT) and span. */
  negotiation?: { id: string; name: string; outcome: string; start: string; end: string | null };
}

export interface StaticGraph {
  mode: 'static';
  at: string;
  nodes: ExportNode[];
  edges: ExportEdge[];
  /** The layers the network rests on (the state system, capabilities, major powers, alliances; negotiations when drawn) and whether each covers the date's year. */
  coverage: FigureCoverage;
}

/** What a network drawn at a date rests on (src/domain/coverage.ts). */
export const NETWORK_FIGURES: readonly Figure[] = ['stateSystem', 'capabilities', 'majorPowers', 'allianceTies'];

export interface DynamicNode extends Omit<ExportNode, 'cinc' | 'majorPower'> {
  spells: Spell[];
  majorPowerSpells: Spell[];
  cinc: { spell: Spell; value: number }[];
}

export interface DynamicEdge extends Omit<ExportEdge, 'obligation' | 'level'> {
  spells: Spell[];
  /** Strongest obligation over time (alliances); one value per maximal spell. */
  obligations: { spell: Spell; obligation: string; level: number }[];
}

export interface DynamicGraph {
  mode: 'dynamic';
  from: string;
  to: string;
  nodes: DynamicNode[];
  edges: DynamicEdge[];
  /** The layers the network rests on, with the years each covers (whether they cover a given day of the range: compare). */
  layers: FigureCoverage['layers'];
}

export type ExportGraph = StaticGraph | DynamicGraph;

/** One colour per obligation of the domain (`OBLIGATIONS`); indexed by the edge's obligation name. */
export const OBLIGATION_COLOURS: Record<string, string> = {
  DEFENSE: '#c0392b',
  OFFENSE: '#8e44ad',
  NEUTRALITY: '#2980b9',
  NON_AGGRESSION: '#16a085',
  CONSULTATION: '#7f8c8d',
} satisfies Record<Obligation, string>;
export const NEGOTIATION_COLOUR = '#e67e22';

const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);

/** [start, end] ∩ [from, to], null ends read as open; null when empty. */
export function clip(start: string, end: string | null, from: string, to: string): Spell | null {
  const s = maxDate(start, from);
  const e = end === null ? to : minDate(end, to);
  return s <= e ? { start: s, end: e } : null;
}

/** Merges overlapping or adjacent spells. */
export function mergeSpells(spells: Spell[]): Spell[] {
  const sorted = [...spells].sort((a, b) => a.start.localeCompare(b.start));
  const out: Spell[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= addDays(last.end, 1)) last.end = maxDate(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

function intersect(a: Spell[], b: Spell[]): Spell[] {
  const out: Spell[] = [];
  for (const x of a)
    for (const y of b) {
      const c = clip(x.start, x.end, y.start, y.end);
      if (c) out.push(c);
    }
  return mergeSpells(out);
}

interface NegotiationRow {
  id: string;
  name: string;
  start: string;
  end: string | null;
  outcome: string;
  parties: number[];
}

function negotiationEdges(rows: NegotiationRow[], present: Set<number>): ExportEdge[] {
  const edges: ExportEdge[] = [];
  for (const n of rows) {
    const parties = [...new Set(n.parties)].filter((p) => present.has(p)).sort((a, b) => a - b);
    for (let i = 0; i < parties.length; i++) {
      for (let j = i + 1; j < parties.length; j++) {
        edges.push({
          id: `neg-${n.id}-${parties[i]}-${parties[j]}`,
          source: String(parties[i]),
          target: String(parties[j]),
          kind: 'negotiation',
          obligation: null,
          level: 0,
          treaties: [],
          atopIds: [],
          negotiation: { id: n.id, name: n.name, outcome: n.outcome, start: n.start, end: n.end },
        });
      }
    }
  }
  return edges;
}

export interface StaticOptions {
  /** Add the negotiations under way in [at − negotiationYears, at] (0: under way at the date); null: none. */
  negotiationYears?: number | null;
}

/** The static graph of one date: `allianceNetwork(at)`, and the negotiation layer when asked. */
export async function staticGraph(ex: QueryExecutor, at: string, options: StaticOptions = {}): Promise<StaticGraph> {
  const [network, layers] = await Promise.all([allianceNetwork(ex, at), readLoadedLayers(ex)]);
  const withNegotiations = options.negotiationYears !== undefined && options.negotiationYears !== null;
  const coverage = coverageOf(
    layers,
    withNegotiations ? [...NETWORK_FIGURES, 'negotiations'] : NETWORK_FIGURES,
    yearOf(at),
  );
  const nodes: ExportNode[] = network.nodes.map((n) => ({
    id: String(n.ccode),
    ccode: n.ccode,
    abbrev: n.abbrev,
    name: n.name,
    cinc: n.cinc,
    majorPower: n.majorPower,
  }));
  const edges: ExportEdge[] = network.edges.map((e) => ({
    id: `${e.source}-${e.target}`,
    source: String(e.source),
    target: String(e.target),
    kind: 'alliance',
    obligation: e.obligation,
    level: e.level,
    treaties: e.treaties,
    atopIds: e.atopIds,
  }));
  if (withNegotiations) {
    const rows = await ex.read(q.exportNegotiations, { from: addYears(at, -options.negotiationYears!), to: at });
    edges.push(...negotiationEdges(rows, new Set(network.nodes.map((n) => n.ccode))));
  }
  return { mode: 'static', at, nodes, edges, coverage };
}

interface SpellRow {
  ccode: number;
  abbrev: string;
  name: string;
  spells: { kind: string; start: string; end: string | null }[];
}
type MembershipRow = q.ExportMembershipsRow;

/** A member's coding for ATOP's dyad rules: its own obligations in the phase, or the treaty's for a curated membership. */
export const memberCoding = (m: MembershipRow): MemberObligations => ({
  ccode: m.ccode,
  obligations: m.memberObligations ?? m.obligations ?? [],
  varying: m.varying ?? [],
  owedTo: m.owedTo ?? [],
});

/** The dynamic graph of [from, to]: node and edge spells, CINC per year, obligations over time. */
export async function dynamicGraph(
  ex: QueryExecutor,
  from: string,
  to: string,
  options: { negotiations?: boolean; pacer?: Pacer } = {},
): Promise<DynamicGraph> {
  // Built in slices: the range's pairs and intervals would hold the event loop for seconds (1815–2018).
  const pacer = options.pacer ?? new Pacer();
  const [states, memberships, negotiations, loaded] = await Promise.all([
    ex.read(q.statesWithSpells),
    ex.read(q.exportMemberships, { from, to }),
    options.negotiations ? ex.read(q.exportNegotiations, { from, to }) : Promise.resolve([] as NegotiationRow[]),
    readLoadedLayers(ex),
  ]);
  // Each layer with its years; `covered` says whether they reach the range's last year.
  const layers = coverageOf(
    loaded,
    options.negotiations ? [...NETWORK_FIGURES, 'negotiations'] : NETWORK_FIGURES,
    yearOf(to),
  ).layers;
  const known = systemKnown(states);
  const nodes: DynamicNode[] = [];
  for (const s of states) {
    if (pacer.due()) await pacer.turn();
    const system = known
      ? mergeSpells(
          s.spells
            .filter((p) => p.kind === 'IN_SYSTEM')
            .map((p) => clip(p.start, p.end, from, to))
            .filter((p): p is Spell => p !== null),
        )
      : s.spells.some((p) => p.kind === 'IN_SYSTEM')
        ? []
        : [{ start: from, end: to }];
    if (!system.length) continue;
    const major = intersect(
      mergeSpells(
        s.spells
          .filter((p) => p.kind === 'MAJOR_POWER')
          .map((p) => clip(p.start, p.end, from, to))
          .filter((p): p is Spell => p !== null),
      ),
      system,
    );
    nodes.push({
      id: String(s.ccode),
      ccode: s.ccode,
      abbrev: s.abbrev,
      name: s.name,
      spells: system,
      majorPowerSpells: major,
      cinc: [],
    });
  }
  const byCcode = new Map(nodes.map((n) => [n.ccode, n]));

  // CINC of every state-year in the system, in one query.
  const items: { id: string; ccode: number; year: number }[] = [];
  for (const n of nodes) {
    const years = new Set<number>();
    for (const sp of n.spells)
      for (let y = Number(sp.start.slice(0, 4)); y <= Number(sp.end.slice(0, 4)); y++) years.add(y);
    for (const year of years) items.push({ id: `${n.ccode}-${year}`, ccode: n.ccode, year });
  }
  // In batches: the store takes a call's parameters in one synchronous step (16,000 state-years of
  // 1815–2018 held the event loop for some 180 ms).
  const caps: { ccode: number; year: number; cinc: number | null }[] = [];
  for (let i = 0; i < items.length; i += CINC_BATCH) {
    for (const c of await ex.read(q.cincOfStateYears, { items: items.slice(i, i + CINC_BATCH) })) caps.push(c);
    await pacer.pace();
  }
  for (const c of caps) {
    if (pacer.due()) await pacer.turn();
    const n = byCcode.get(c.ccode);
    if (!n || c.cinc === null) continue;
    for (const part of intersect([{ start: yearStart(c.year), end: yearEnd(c.year) }], n.spells))
      n.cinc.push({ spell: part, value: c.cinc });
  }
  for (const n of nodes) n.cinc.sort((a, b) => a.spell.start.localeCompare(b.spell.start));

  // Alliance ties: for each treaty, each pair of members, the days both were members and the treaty in force.
  interface Interval extends Spell {
    obligations: string[];
    treaty: string;
    atopId: number | null;
  }
  const pairIntervals = new Map<string, { a: number; b: number; intervals: Interval[] }>();
  const byTreaty = new Map<string, MembershipRow[]>();
  for (const m of memberships) {
    const rows = byTreaty.get(m.treaty);
    if (rows) rows.push(m);
    else byTreaty.set(m.treaty, [m]);
  }
  for (const rows of byTreaty.values()) {
    for (const x of rows) {
      for (const y of rows) {
        if (x.ccode >= y.ccode) continue;
        if (pacer.due()) await pacer.turn(); // a treaty of many members and phases is thousands of pairs
        const common = commonSpell(x, y, x.ended); // ATOP's pairing rule (src/domain/allianceTies.ts)
        if (!common) continue;
        const obligations = dyadObligations(memberCoding(x), memberCoding(y));
        if (!obligations.length) continue; // co-members owing each other nothing in this phase: no tie
        const spell = clip(common.start, common.end, from, to);
        if (!spell) continue;
        const key = `${x.ccode}-${y.ccode}`;
        const p = pairIntervals.get(key) ?? { a: x.ccode, b: y.ccode, intervals: [] };
        p.intervals.push({ ...spell, obligations, treaty: x.treaty, atopId: x.atopId });
        pairIntervals.set(key, p);
      }
    }
  }
  const edges: DynamicEdge[] = [];
  for (const { a, b, intervals } of pairIntervals.values()) {
    if (pacer.due()) await pacer.turn();
    const na = byCcode.get(a);
    const nb = byCcode.get(b);
    if (!na || !nb) continue;
    const both = intersect(na.spells, nb.spells);
    // Elementary intervals between breakpoints; the strongest obligation in force on each.
    const cuts = new Set<string>();
    for (const iv of intervals) {
      cuts.add(iv.start);
      cuts.add(addDays(iv.end, 1));
    }
    for (const sp of both) {
      cuts.add(sp.start);
      cuts.add(addDays(sp.end, 1));
    }
    const points = [...cuts].sort();
    const values: { spell: Spell; obligation: string; level: number }[] = [];
    const treaties = new Set<string>();
    const atopIds = new Set<number>();
    for (let i = 0; i < points.length - 1; i++) {
      if (pacer.due()) await pacer.turn(); // a pair allied for two centuries has hundreds of intervals
      const start = points[i]!;
      const end = addDays(points[i + 1]!, -1);
      if (!both.some((sp) => sp.start <= start && end <= sp.end)) continue;
      const active = intervals.filter((iv) => iv.start <= start && end <= iv.end);
      if (!active.length) continue;
      const { level, name } = strongestObligation(active.flatMap((iv) => iv.obligations));
      if (level < 1) continue;
      for (const iv of active) {
        treaties.add(iv.treaty);
        if (iv.atopId !== null) atopIds.add(iv.atopId);
      }
      const last = values[values.length - 1];
      if (last && last.obligation === name && last.spell.end === addDays(start, -1)) last.spell.end = end;
      else values.push({ spell: { start, end }, obligation: name, level });
    }
    if (!values.length) continue;
    edges.push({
      id: `${a}-${b}`,
      source: String(a),
      target: String(b),
      kind: 'alliance',
      spells: mergeSpells(values.map((v) => v.spell)),
      obligations: values,
      treaties: [...treaties].sort(),
      atopIds: [...atopIds].sort((x, y) => x - y),
    });
  }
  edges.sort((x, y) => Number(x.source) - Number(y.source) || Number(x.target) - Number(y.target));

  const present = new Set(nodes.map((n) => n.ccode));
  for (const e of negotiationEdges(negotiations, present)) {
    if (pacer.due()) await pacer.turn();
    const n = e.negotiation!;
    const spell = clip(n.start, n.end, from, to);
    if (!spell) continue;
    const { obligation: _o, level: _l, ...rest } = e;
    edges.push({ ...rest, spells: [spell], obligations: [] });
  }
  return { mode: 'dynamic', from, to, nodes, edges, layers };
}

/** The dynamic graph as it stood on one day (what `staticGraph(at)` gives for the alliance layer). */
export function sliceAt(
  graph: DynamicGraph,
  at: string,
): { nodes: string[]; edges: { id: string; obligation: string | null }[] } {
  const inside = (spells: Spell[]) => spells.some((s) => s.start <= at && at <= s.end);
  return {
    nodes: graph.nodes.filter((n) => inside(n.spells)).map((n) => n.id),
    edges: graph.edges
      .filter((e) => e.kind === 'alliance' && inside(e.spells))
      .map((e) => ({
        id: e.id,
        obligation: e.obligations.find((o) => o.spell.start <= at && at <= o.spell.end)?.obligation ?? null,
      })),
  };
}
