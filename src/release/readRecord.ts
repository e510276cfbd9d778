/**
 * The rows of every record table of the package (all but the dyad-years), read from the graph through
 * the API's own named queries (so the counts are the API's), with what the graph does not hold yet
 * from ./recordExtras.ts and the model's reading from ./modelAdapter.ts.
 *
 * Rows are sorted here, by keys, never left in the order a store returns them: the same record gives
 * the same files on any store. Strings are compared by code unit (`<`), not by locale.
 */
import { ATTRACTIVENESS, ATTRACTIVENESS_VALUE, OUTCOME_INFO, type Attractiveness } from '../domain/index.js';
import { invariant } from '../errors/index.js';
import type { QueryExecutor } from '../store/QueryExecutor.js';
import * as q from '../store/queries.gen.js';
import { readModel } from './modelAdapter.js';
import type { RecordExtras } from './recordExtras.js';

export type Cell = string | number | null;
export type Row = Record<string, Cell>;
export type RecordTables = Record<string, Row[]>;

export interface RecordRead {
  /** The rows of each record table, by table name, sorted. */
  tables: RecordTables;
  /** The cited sources as the graph holds them (for the bibliographies), in the order of `sources`. */
  sources: q.SourcesByKeysRow[];
}

/** Decimals kept for the model's numbers and the attractiveness scores. */
const DECIMALS = 6;
const round = (x: number | null | undefined): number | null =>
  x === null || x === undefined ? null : Math.round(x * 10 ** DECIMALS) / 10 ** DECIMALS;
const bit = (b: boolean): number => (b ? 1 : 0);
const joinNums = (xs: readonly number[] | null | undefined): string | null =>
  xs && xs.length ? [...xs].sort((a, b) => a - b).join(';') : null;
const joinStrs = (xs: readonly string[] | null | undefined, sort = true): string | null =>
  xs && xs.length ? (sort ? [...xs].sort(byString) : xs).join(';') : null;

export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
/** Compares rows by the given columns in turn (numbers numerically, strings by code unit, empty first). */
export function byColumns(columns: readonly string[]) {
  return (a: Row, b: Row): number => {
    for (const c of columns) {
      const x = a[c] ?? null;
      const y = b[c] ?? null;
      if (x === y) continue;
      if (x === null) return -1;
      if (y === null) return 1;
      const d = typeof x === 'number' && typeof y === 'number' ? x - y : byString(String(x), String(y));
      if (d !== 0) return d;
    }
    return 0;
  };
}

/**
 * The year of a data set's citation: the importers write it `<authors> (<year>). <title>…`
 * (src/import/sources.ts); the DataSet node keeps no other date but the (run-dependent) import time.
 */
function citationYear(name: string, citation: string): number {
  const year = /\((\d{4})\)/.exec(citation)?.[1];
  invariant(year !== undefined, `the citation of data set ${name} has no (year)`);
  return Number(year);
}

/** `node` of each `{id, node}` row, grouped by id. */
function grouped<N>(rows: readonly { id: string; node: N }[]): Map<string, N[]> {
  const out = new Map<string, N[]>();
  for (const r of rows) {
    const list = out.get(r.id);
    if (list) list.push(r.node);
    else out.set(r.id, [r.node]);
  }
  return out;
}

/** Reads the record tables from the graph behind `ex`. */
export async function readRecordTables(ex: QueryExecutor, extras: RecordExtras): Promise<RecordRead> {
  const outcomes = await ex.read(q.negotiationOutcomes);
  const ids = outcomes.map((o) => o.id).sort(byString);
  const [negs, parties, eras, treaties, plans, options, proposals, rounds, thirds, erasAll, dataSets] =
    await Promise.all([
      ex.read(q.negotiationsByIds, { ids }),
      ex.read(q.partiesOfNegotiations, { ids }),
      ex.read(q.erasOfNegotiations, { ids }),
      ex.read(q.treatiesOfNegotiations, { ids }),
      ex.read(q.warPlansOfNegotiations, { ids }),
      ex.read(q.recordedOptionsOfNegotiations, { ids }),
      ex.read(q.proposalsOfNegotiations, { ids }),
      ex.read(q.roundsOfNegotiations, { ids }),
      ex.read(q.thirdPartiesOfNegotiations, { ids }),
      ex.read(q.erasAll),
      ex.read(q.dataSetsAll),
    ]);
  const partiesOf = grouped(parties);
  const eraOf = new Map(eras.map((e) => [e.id, e.node.id]));
  const treatyOf = new Map(treaties.map((t) => [t.id, t.node]));
  const plansOf = grouped(plans);
  const optionsOf = grouped(options);

  // Threats: every target of a plan or of the second coding.
  const threatIds = [
    ...new Set([
      ...plans.flatMap((p) => [p.node.target, ...p.node.alternatives.map((a) => a.target)]),
      ...extras.secondCoding.flatMap((c) => (c.target ? [c.target] : [])),
    ]),
  ].sort(byString);
  const [threats, posers] = await Promise.all([
    ex.read(q.threatsByIds, { ids: threatIds }),
    ex.read(q.posersOfThreats, { ids: threatIds }),
  ]);
  const posersOf = new Map([...grouped(posers)].map(([id, ss]) => [id, ss.map((s) => s.ccode)]));
  const targetCcodes = (threat: string) => joinNums(posersOf.get(threat));

  const model = await readModel(ex, ids);

  // negotiations
  const negotiationRows: Row[] = negs.map((n) => {
    const ps = (partiesOf.get(n.id) ?? []).map((s) => s.ccode);
    const t = treatyOf.get(n.id);
    return {
      negotiation_id: n.id,
      name: n.name,
      start: n.start,
      start_precision: n.startPrecision,
      start_not_recorded: bit(extras.startNotRecorded.has(n.id)),
      end: n.end,
      end_precision: n.endPrecision,
      outcome: n.outcome,
      agreed: bit(OUTCOME_INFO[n.outcome].agreed),
      era_id: eraOf.get(n.id) ?? null,
      parties: joinNums(ps),
      n_parties: ps.length,
      treaty_id: t?.id ?? null,
      treaty_name: t?.name ?? null,
      atopid: t?.atopId ?? null,
      confidence: n.confidence,
      target_at_table: bit(n.targetAtTableReason !== null),
      target_at_table_reason: n.targetAtTableReason,
      n_plans_unknown: extras.plansUnknown.get(n.id)?.size ?? 0,
      summary: n.summary,
      notes: n.notes,
    };
  });

  // plans, with their alternatives as rows of their own
  const planRows: Row[] = plans.flatMap(({ id: negotiation, node: w }) => {
    const scope = (regions: string[] | null, states: number[] | null, note: string | null) => ({
      scope_regions: joinStrs(regions),
      scope_states: joinNums(states),
      scope_note: note,
    });
    const primary: Row = {
      plan_id: w.id,
      negotiation_id: negotiation,
      ccode: w.party,
      kind: w.kind,
      coding: w.coding ?? 'PRIMARY',
      alternative_of: null,
      from_round: w.fromRound,
      proposal_id: w.proposal,
      target_id: w.target,
      target_ccodes: targetCcodes(w.target),
      approach: w.approach,
      ...scope(w.scopeRegions, w.scopeStates, w.scopeNote),
      form: w.form,
      confidence: w.confidence,
      justification: w.justification,
      rationale: w.rationale,
      target_not_perceived: w.targetNotPerceived,
    };
    return [
      primary,
      ...w.alternatives.map((a): Row => ({
        ...primary,
        plan_id: a.id,
        coding: 'ALTERNATIVE',
        alternative_of: w.id,
        proposal_id: null,
        target_id: a.target,
        target_ccodes: targetCcodes(a.target),
        approach: a.approach,
        ...scope(a.scopeRegions, a.scopeStates, a.scopeNote),
        form: a.form,
        confidence: a.confidence,
        justification: null,
        rationale: a.rationale,
        target_not_perceived: null,
      })),
    ];
  });

  // recorded outside options, with their alternatives
  const value = (a: Attractiveness) => ATTRACTIVENESS_VALUE[a];
  const optionRows: Row[] = options.flatMap(({ id: negotiation, node: o }) => {
    const primary: Row = {
      option_id: o.id,
      negotiation_id: negotiation,
      ccode: o.party,
      coding: 'PRIMARY',
      alternative_of: null,
      kind: o.kind,
      ally_ccode: o.ally,
      attractiveness: o.attractiveness,
      attractiveness_value: value(o.attractiveness),
      confidence: o.confidence,
      realised_in: o.realisedIn,
      evidence: o.evidence,
      rationale: null,
    };
    return [
      primary,
      ...o.alternatives.map((a): Row => ({
        ...primary,
        option_id: a.id,
        coding: 'ALTERNATIVE',
        alternative_of: o.id,
        kind: a.kind,
        ally_ccode: a.ally,
        attractiveness: a.attractiveness,
        attractiveness_value: value(a.attractiveness),
        confidence: a.confidence,
        realised_in: null,
        evidence: null,
        rationale: a.rationale,
      })),
    ];
  });

  // parties, with the entry plan, the options and the model's reading
  const partyRows: Row[] = parties.map(({ id: negotiation, node: s }) => {
    const unknown = extras.plansUnknown.get(negotiation)?.get(s.ccode) ?? null;
    const own = (plansOf.get(negotiation) ?? []).filter((w) => w.kind === 'IDEAL' && w.party === s.ccode);
    const entry = own.find((w) => w.fromRound === null) ?? null;
    const recorded = (optionsOf.get(negotiation) ?? []).filter((o) => o.party === s.ccode);
    const best = recorded.length
      ? ATTRACTIVENESS[Math.max(...recorded.map((o) => ATTRACTIVENESS.indexOf(o.attractiveness)))]!
      : null;
    const reading = model.get(negotiation);
    const m = reading?.model ?? null;
    const party = reading?.parties.find((p) => p.party === s.ccode);
    const c = party?.computed ?? null;
    return {
      negotiation_id: negotiation,
      ccode: s.ccode,
      stateabb: s.abbrev,
      plan_known: bit(unknown === null),
      plans_unknown_reason: unknown?.text ?? null,
      entry_plan_id: entry?.id ?? null,
      target_id: entry?.target ?? null,
      target_ccodes: entry ? targetCcodes(entry.target) : null,
      approach: entry?.approach ?? null,
      scope_regions: joinStrs(entry?.scopeRegions),
      scope_states: joinNums(entry?.scopeStates),
      form: entry?.form ?? null,
      plan_confidence: entry?.confidence ?? null,
      n_later_plans: own.filter((w) => w.fromRound !== null).length,
      n_recorded_options: recorded.length,
      options_not_discussed: bit(extras.optionsNotDiscussed.get(negotiation)?.has(s.ccode) ?? false),
      recorded_option_best: best,
      recorded_option_value: best ? value(best) : null,
      computed_option: round(c?.overall),
      computed_alternative_allies: round(c?.alternativeAllies),
      computed_unilateral: round(c?.unilateral),
      computed_buck_passing: round(c?.buckPassing),
      computed_best_ally: c?.bestAlly ?? null,
      computed_best_ally_score: round(c?.bestAllyScore),
      model_outside_option: round(party?.modelOutside),
      model_outside_option_recorded: bit(party?.modelOutsideRecorded ?? false),
      highly_compatible: m ? bit(m.highlyCompatible) : null,
      target_agreement: m ? round(m.targetAgreement) : null,
      approach_agreement: m ? round(m.approachAgreement) : null,
      scope_agreement: m ? round(m.scopeAgreement) : null,
      form_agreement: m ? round(m.formAgreement) : null,
      targets_at_table: m ? round(m.targetsAtTable) : null,
      model_probability: m ? round(m.probability) : null,
      model_probability_low: m ? round(m.intervalLow) : null,
      model_probability_high: m ? round(m.intervalHigh) : null,
    };
  });

  const planOfProposal = new Map(planRows.flatMap((w) => (w.proposal_id ? [[w.proposal_id, w.plan_id]] : [])));
  const proposalRows: Row[] = proposals.map(({ id: negotiation, node: p }) => ({
    proposal_id: p.id,
    negotiation_id: negotiation,
    sequence: p.sequence,
    round_id: p.round,
    date: p.date,
    date_precision: p.datePrecision,
    by_ccodes: joinNums(p.by),
    to_ccodes: joinNums(p.to),
    obligations: joinStrs(p.obligations, false),
    response: p.response,
    response_note: p.responseNote,
    summary: p.summary,
    plan_id: planOfProposal.get(p.id) ?? null,
  }));

  const roundRows: Row[] = rounds.map(({ id: negotiation, node: r }) => ({
    round_id: r.id,
    negotiation_id: negotiation,
    sequence: r.sequence,
    start: r.start,
    start_precision: r.startPrecision,
    end: r.end,
    end_precision: r.end === null ? null : r.endPrecision,
    place: r.place,
    negotiators: joinStrs(r.negotiators, false),
    summary: r.summary,
  }));

  const thirdPartyRows: Row[] = thirds.map(({ id: negotiation, node: t }) => ({
    negotiation_id: negotiation,
    ccode: t.ccode,
    role: t.role,
    note: t.note,
  }));

  const threatRows: Row[] = threats.map((t) => ({
    threat_id: t.id,
    name: t.name,
    posed_by: targetCcodes(t.id),
    description: t.description,
  }));

  const eraRows: Row[] = erasAll.map((e) => ({ era_id: e.id, name: e.name, start: e.start, end: e.end }));

  const citationRows: Row[] = extras.references.map((r) => ({
    fact_type: r.factType,
    fact_id: r.factId,
    negotiation_id: r.negotiation,
    ccode: r.ccode,
    ref_index: r.refIndex,
    source_key: r.key,
    pages: r.pages,
    chapter: r.chapter,
    chapter_title: r.chapterTitle,
    document: r.document,
    seen_at: r.seenAt,
    note: r.note,
  }));

  const secondCodingRows: Row[] = extras.secondCoding.map((c) => ({
    negotiation_id: c.negotiation,
    ccode: c.party,
    settled: bit(c.approach !== null),
    target_id: c.target,
    target_ccodes: c.target ? targetCcodes(c.target) : joinNums(c.targetStates),
    approach: c.approach,
    confidence: c.confidence,
    rationale: c.rationale,
    reason: c.reason,
    sources: joinStrs(c.sources),
  }));

  const universeRows: Row[] = extras.universe.map((u) => ({
    atopid: u.atopid,
    begins: u.begins,
    members: joinNums(u.members),
    status: u.status,
    negotiation_id: u.negotiation,
    reason: u.reason,
    justification: u.justification,
  }));

  // Sources: every work a citation or the second coding names.
  const sourceKeys = [
    ...new Set([...extras.references.map((r) => r.key), ...extras.secondCoding.flatMap((c) => c.sources)]),
  ].sort(byString);
  const sources = (await ex.read(q.sourcesByKeys, { keys: sourceKeys })).sort((a, b) => byString(a.key, b.key));
  const sourceRows: Row[] = sources.map((s) => ({
    source_key: s.key,
    kind: s.kind,
    authors: s.authors.join('; '),
    title: s.title,
    year: s.year,
    publisher: s.publisher,
    container: s.container,
    volume: s.volume,
    pages: s.pages,
    url: s.url,
    citation: s.citation,
  }));

  // States: every state a table of the record names.
  const ccodes = new Set<number>();
  const addAll = (xs: Iterable<Cell>) => {
    for (const x of xs) if (typeof x === 'number') ccodes.add(x);
  };
  addAll(partyRows.map((r) => r.ccode!));
  addAll(optionRows.map((r) => r.ally_ccode!));
  addAll(thirdPartyRows.map((r) => r.ccode!));
  addAll(posers.map((p) => p.node.ccode));
  const stateRows: Row[] = (await ex.read(q.statesByCcodes, { ccodes: [...ccodes].sort((a, b) => a - b) })).map(
    (s) => ({ ccode: s.ccode, stateabb: s.abbrev, statenme: s.name }),
  );

  const dataSetRows: Row[] = dataSets.map((d) => ({
    name: d.name,
    version: d.version,
    year: citationYear(d.name, d.citation),
    citation: d.citation,
    files: d.files.join(';'),
    sha256: d.sha256.join(';'),
  }));

  const sorted = (rows: Row[], columns: string[]) => rows.sort(byColumns(columns));
  const negotiationOrder = new Map(
    [...negotiationRows].sort(byColumns(['start', 'negotiation_id'])).map((r, i) => [r.negotiation_id as string, i]),
  );
  const withOrder = (rows: Row[]) =>
    rows.map((r) => ({ ...r, __n: negotiationOrder.get(r.negotiation_id as string)! }));
  const inNegotiationOrder = (rows: Row[], then: string[]) =>
    sorted(withOrder(rows), ['__n', ...then]).map(({ __n: _drop, ...r }) => r);
  const tables: RecordTables = {
    negotiations: sorted(negotiationRows, ['start', 'negotiation_id']),
    negotiation_parties: inNegotiationOrder(partyRows, ['ccode']),
    plans: inNegotiationOrder(planRows, ['ccode', 'kind', 'from_round', 'plan_id']),
    outside_options: inNegotiationOrder(optionRows, ['ccode', 'option_id']),
    proposals: inNegotiationOrder(proposalRows, ['sequence']),
    rounds: inNegotiationOrder(roundRows, ['sequence']),
    third_parties: inNegotiationOrder(thirdPartyRows, ['ccode']),
    threats: sorted(threatRows, ['threat_id']),
    eras: sorted(eraRows, ['start', 'era_id']),
    states: sorted(stateRows, ['ccode']),
    sources: sorted(sourceRows, ['source_key']),
    citations: inNegotiationOrder(citationRows, ['fact_type', 'fact_id', 'ref_index']),
    universe: sorted(universeRows, ['atopid']),
    second_coding: inNegotiationOrder(secondCodingRows, ['ccode']),
    data_sets: sorted(dataSetRows, ['name']),
  };
  return { tables, sources };
}
