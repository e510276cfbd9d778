/**
 * Writes the curated seed into the store. Everything is read and validated first (`readSeedDir`),
 * then written in one transaction, so a bad seed writes nothing. Every write MERGEs on the node's
 * key, and a negotiation's rounds, proposals and war plans are replaced as a whole, so loading twice
 * gives the same graph.
 */
import type { QueryExecutor } from '../store/QueryExecutor.js';
import { OUTCOME_INFO, curatedMemberships, flagsOf } from '../domain/index.js';
import { seedDir as defaultSeedDir } from '../paths.js';
import { readSeedDir, type SeedData } from './readSeedDir.js';
import type { NegotiationSeed, SourceRefSeed, SourceSeed } from './seedFiles.schema.js';
import * as q from '../store/queries.gen.js';

export interface SeedSummary {
  sources: number;
  eras: number;
  states: number;
  threats: number;
  negotiations: number;
  treaties: number;
  ms: number;
}

/** A one-line citation in author–date style, kept on the Source node for display and export. */
export function formatCitation(s: SourceSeed): string {
  const authors = s.authors.length > 2 ? `${s.authors[0]} et al.` : s.authors.join(' and ');
  const where = [s.container, s.volume, s.publisher, s.pages].filter(Boolean).join(', ');
  return `${authors} (${s.year}). ${s.title}${where ? `. ${where}` : ''}.`;
}

/** One row per reference, in the record's order: a fact may cite one work twice, at two locators. */
const refs = (sources: SourceRefSeed[]) =>
  sources.map((s, position) => ({
    key: s.key,
    position,
    pages: s.pages ?? null,
    chapter: s.chapter ?? null,
    document: s.document ?? null,
    seenAt: s.seenAt ?? null,
    note: s.note ?? null,
  }));

type Scope = { regions: string[]; states: number[]; note?: string } | undefined;
const scopeFields = (scope: Scope) => ({
  scopeRegions: scope?.regions ?? [],
  scopeStates: scope?.states ?? [],
  scopeNote: scope?.note ?? null,
});

/** Ids of a negotiation's war plans: entry plans keep `<negotiation>-ideal-<party>`. */
export const planId = (negotiation: string, party: number, fromRound?: number) =>
  `${negotiation}-ideal-${party}${fromRound ? `-r${fromRound}` : ''}`;

function warPlanRows(n: NegotiationSeed, proposalIds: string[]) {
  const primary = [] as ReturnType<typeof planRow>[];
  const alternatives = [] as ReturnType<typeof planRow>[];
  function planRow(
    id: string,
    party: number,
    kind: 'IDEAL' | 'PROPOSED',
    p: { target: string; approach: string; scope?: Scope; form?: string },
    extra: {
      coding?: 'PRIMARY' | 'ALTERNATIVE';
      fromRound?: number;
      justification?: string | null;
      rationale?: string | null;
      confidence: string;
      targetNotPerceived?: string | null;
      proposal?: string | null;
      alternativeOf?: string | null;
      sources: SourceRefSeed[];
    },
  ) {
    return {
      id,
      negotiation: n.id,
      party,
      kind,
      coding: extra.coding ?? 'PRIMARY',
      fromRound: extra.fromRound ?? null,
      target: p.target,
      approach: p.approach,
      ...scopeFields(p.scope),
      form: p.form ?? null,
      justification: extra.justification ?? null,
      rationale: extra.rationale ?? null,
      confidence: extra.confidence,
      targetNotPerceived: extra.targetNotPerceived ?? null,
      proposal: extra.proposal ?? null,
      alternativeOf: extra.alternativeOf ?? null,
      sources: refs(extra.sources),
    };
  }
  for (const w of n.warPlans) {
    const id = planId(n.id, w.party, w.fromRound);
    primary.push(
      planRow(id, w.party, 'IDEAL', w, {
        fromRound: w.fromRound,
        justification: w.justification,
        confidence: w.confidence,
        targetNotPerceived: w.targetNotPerceived ?? null,
        sources: w.sources,
      }),
    );
    w.alternatives.forEach((a, j) =>
      alternatives.push(
        planRow(
          `${id}-alt${j + 1}`,
          w.party,
          'IDEAL',
          {
            target: a.target ?? w.target,
            approach: a.approach ?? w.approach,
            scope: a.scope ?? w.scope,
            form: a.form ?? w.form,
          },
          {
            coding: 'ALTERNATIVE',
            fromRound: w.fromRound,
            rationale: a.rationale,
            confidence: a.confidence,
            alternativeOf: id,
            sources: a.sources,
          },
        ),
      ),
    );
  }
  n.proposals.forEach((p, i) => {
    if (!p.plan) return;
    primary.push(
      planRow(`${proposalIds[i]}-plan`, p.by[0]!, 'PROPOSED', p.plan, {
        justification: p.plan.note ?? p.summary,
        confidence: 'HIGH',
        proposal: proposalIds[i],
        sources: p.sources,
      }),
    );
  });
  return { primary, alternatives };
}

function recordedOptionRows(n: NegotiationSeed) {
  const primary: q.SeedRecordedOptionsParams['rows'] = [];
  const alternatives: q.SeedRecordedOptionsParams['rows'] = [];
  n.outsideOptions.forEach((o, i) => {
    const id = `${n.id}-option-${o.party}-${i + 1}`;
    primary.push({
      id,
      negotiation: n.id,
      party: o.party,
      kind: o.kind,
      ally: o.ally ?? null,
      attractiveness: o.attractiveness,
      evidence: o.evidence,
      rationale: null,
      confidence: o.confidence,
      coding: 'PRIMARY',
      realisedIn: o.realisedIn ?? null,
      alternativeOf: null,
      sources: refs(o.sources),
    });
    o.alternatives.forEach((a, j) => {
      const kind = a.kind ?? o.kind;
      alternatives.push({
        id: `${id}-alt${j + 1}`,
        negotiation: n.id,
        party: o.party,
        kind,
        ally: kind === 'ALTERNATIVE_ALLY' ? (a.ally ?? o.ally ?? null) : null,
        attractiveness: a.attractiveness ?? o.attractiveness,
        evidence: null,
        rationale: a.rationale,
        confidence: a.confidence,
        coding: 'ALTERNATIVE',
        realisedIn: null,
        alternativeOf: id,
        sources: refs(a.sources),
      });
    });
  });
  return { primary, alternatives };
}

function negotiationRows(n: NegotiationSeed, sampled: ReadonlySet<string>) {
  const roundId = (seq: number) => `${n.id}-r${seq}`;
  return {
    negotiation: {
      id: n.id,
      name: n.name,
      start: n.start,
      startPrecision: n.startPrecision,
      end: n.end,
      endPrecision: n.endPrecision,
      outcome: n.outcome,
      era: n.era,
      parties: n.parties,
      summary: n.summary,
      confidence: n.confidence,
      notes: n.notes ?? null,
      targetAtTableReason: n.targetAtTable?.reason ?? null,
      startOldStyle: n.oldStyle?.start ?? null,
      endOldStyle: n.oldStyle?.end ?? null,
      startNotRecorded: n.startNotRecorded === true,
      inSecondCodingSample: sampled.has(n.id),
      sources: refs([...n.sources, ...(n.targetAtTable?.sources ?? [])]),
    },
    rounds: n.rounds.map((r) => ({
      id: roundId(r.sequence),
      negotiation: n.id,
      sequence: r.sequence,
      start: r.start,
      startPrecision: r.startPrecision,
      end: r.end ?? null,
      endPrecision: r.end ? r.endPrecision : null,
      place: r.place,
      negotiators: r.negotiators,
      summary: r.summary ?? null,
      sources: refs(r.sources),
    })),
    proposals: n.proposals.map((p, i) => ({
      id: `${n.id}-p${i + 1}`,
      negotiation: n.id,
      round: p.round ? roundId(p.round) : null,
      sequence: i + 1,
      date: p.date,
      datePrecision: p.datePrecision,
      by: p.by,
      to: p.to,
      obligations: p.obligations,
      summary: p.summary,
      response: p.response,
      responseNote: p.responseNote ?? null,
      dateOldStyle: p.oldStyle?.date ?? null,
      sources: refs(p.sources),
    })),
    warPlans: warPlanRows(
      n,
      n.proposals.map((_, i) => `${n.id}-p${i + 1}`),
    ),
    recordedOptions: recordedOptionRows(n),
    plansUnknown: n.plansUnknown.map((u) => ({
      id: `${n.id}-plan-unknown-${u.party}`,
      negotiation: n.id,
      party: u.party,
      reason: u.reason,
      sources: refs(u.sources),
    })),
    optionsNotDiscussed: n.optionsNotDiscussed.map((o) => ({
      id: `${n.id}-options-not-discussed-${o.party}`,
      negotiation: n.id,
      party: o.party,
      note: o.note ?? null,
      sources: refs(o.sources),
    })),
    thirdParties: n.thirdParties.map((t) => ({
      id: `${n.id}-third-${t.ccode}`,
      negotiation: n.id,
      ccode: t.ccode,
      role: t.role,
      note: t.note,
      sources: refs(t.sources),
    })),
    treaty: n.treaty
      ? {
          id: n.treaty.id,
          negotiation: n.id,
          name: n.treaty.name,
          atopId: n.treaty.atopId ?? null,
          signed: n.treaty.signed,
          ended: n.treaty.ended ?? null,
          obligations: n.treaty.obligations,
          era: n.era,
          sources: refs(n.treaty.sources),
          ...flagsOf(n.treaty.obligations),
          // The members whose memberships the record claims (seedAtopTreaties keeps them on the node).
          members: claimsTie(n) ? n.treaty.members : [],
        }
      : null,
    members: claimsTie(n)
      ? curatedMemberships({
          id: n.treaty!.id,
          members: n.treaty!.members,
          signed: n.treaty!.signed,
          ended: n.treaty!.ended ?? null,
        })
      : [],
    treatyThreats: n.treaty ? n.treaty.directedAgainst.map((t) => ({ treaty: n.treaty!.id, threat: t })) : [],
  };
}

/**
 * Whether the record claims membership spells (alliance ties in force between dates) for the
 * negotiation's treaty (seed/README.md, "Conventions"). A treaty signed but never in force has
 * signatories, not members, whether or not ATOP codes it (Björkö, ATOP 1440: ATOP's member rows come
 * with the ATOP import, as ATOP's coding); a treaty ATOP does not code and whose end the record does
 * not give (the Holy Alliance, the Troppau Protocol) claims none either, rather than one open for
 * ever. Where ATOP codes the treaty, its own member rows replace these at import.
 */
export function claimsTie(n: NegotiationSeed): boolean {
  if (!n.treaty || !OUTCOME_INFO[n.outcome].inForce) return false;
  return n.treaty.atopId !== undefined || n.treaty.ended !== undefined;
}

/** The second coding's rows: one per sampled party, the target as a threat id or as states. */
function secondCodingRows(data: SeedData) {
  return data.secondCoding.codings.map((c) => ({
    id: `${c.negotiation}-second-coding-${c.party}`,
    negotiation: c.negotiation,
    party: c.party,
    target: c.target ?? null,
    targetStates: c.targetStates ?? null,
    approach: c.approach,
    confidence: c.confidence,
    rationale: c.rationale,
    reason: c.reason ?? null,
    coder: data.secondCoding.coder!,
    sources: refs(c.sources),
  }));
}

/** Writes already-validated seed data in one transaction. */
export async function writeSeed(executor: QueryExecutor, data: SeedData): Promise<SeedSummary> {
  const t0 = performance.now();
  const sampled = new Set(data.secondCoding.sample?.keys ?? []);
  const negs = data.negotiations.map((n) => negotiationRows(n, sampled));
  await executor.transaction('seed', async (tx) => {
    await tx.run(q.seedSources, {
      rows: data.sources.map((s) => ({
        key: s.key,
        kind: s.kind,
        authors: s.authors,
        title: s.title,
        year: s.year,
        publisher: s.publisher ?? null,
        container: s.container ?? null,
        volume: s.volume ?? null,
        pages: s.pages ?? null,
        url: s.url ?? null,
        citation: formatCitation(s),
      })),
    });
    await tx.run(q.seedClearCitations, { keys: data.sources.map((s) => s.key) });
    await tx.run(q.seedClearContents, { keys: data.sources.map((s) => s.key) });
    await tx.run(q.seedContents, {
      rows: data.contents.map((c) => ({
        source: c.source,
        seenAt: c.seenAt,
        chapters: c.chapters.map((ch, i) => ({
          id: `${c.source}-chapter-${i + 1}`,
          number: ch.number,
          title: ch.title,
          position: i + 1,
        })),
      })),
    });
    await tx.run(q.seedRegions, {
      rows: data.regions.map((r) => ({ id: r.id, name: r.name, description: r.description ?? null })),
    });
    await tx.run(q.seedEras, {
      rows: data.eras.map((e) => ({ id: e.id, name: e.name, start: e.start, end: e.end, sources: refs(e.sources) })),
    });
    await tx.run(q.seedStates, {
      rows: data.states.map((s) => ({ ccode: s.ccode, abbrev: s.abbrev, name: s.name, sources: refs(s.sources) })),
    });
    await tx.run(q.seedThreats, {
      rows: data.threats.map((t) => ({
        id: t.id,
        name: t.name,
        description: t.description ?? null,
        posedBy: t.posedBy,
        sources: refs(t.sources),
      })),
    });
    await tx.run(q.seedPerceptions, {
      rows: data.threats.flatMap((t) =>
        t.perceivedBy.map((p) => ({
          threat: t.id,
          ccode: p.ccode,
          from: p.from,
          to: p.to ?? null,
          note: p.note ?? null,
          sources: p.sources.map((s) => s.key),
        })),
      ),
    });
    const ids = negs.map((n) => n.negotiation.id);
    await tx.run(q.seedClearAlternatives, { ids });
    await tx.run(q.seedClearNegotiations, { ids });
    await tx.run(q.seedClearNegotiationLinks, { ids });
    await tx.run(q.seedNegotiations, { rows: negs.map((n) => n.negotiation) });
    await tx.run(q.seedRounds, { rows: negs.flatMap((n) => n.rounds) });
    await tx.run(q.seedProposals, { rows: negs.flatMap((n) => n.proposals) });
    await tx.run(q.seedWarPlans, { rows: negs.flatMap((n) => n.warPlans.primary) });
    await tx.run(q.seedWarPlans, { rows: negs.flatMap((n) => n.warPlans.alternatives) });
    await tx.run(q.seedRecordedOptions, { rows: negs.flatMap((n) => n.recordedOptions.primary) });
    await tx.run(q.seedRecordedOptions, { rows: negs.flatMap((n) => n.recordedOptions.alternatives) });
    await tx.run(q.seedThirdParties, { rows: negs.flatMap((n) => n.thirdParties) });
    await tx.run(q.seedPlansUnknown, { rows: negs.flatMap((n) => n.plansUnknown) });
    await tx.run(q.seedOptionsNotDiscussed, { rows: negs.flatMap((n) => n.optionsNotDiscussed) });
    await tx.run(q.seedSecondCodings, { rows: secondCodingRows(data) });
    const treaties = negs.flatMap((n) => (n.treaty ? [n.treaty] : []));
    await tx.run(q.seedTreaties, {
      rows: treaties.filter((t) => t.atopId === null).map(({ atopId: _none, members: _members, ...t }) => t),
    });
    await tx.run(q.seedAtopTreaties, {
      rows: treaties.flatMap((t) => (t.atopId === null ? [] : [{ ...t, atopId: t.atopId }])),
    });
    await tx.run(q.seedClearCuratedMembers, { ids: treaties.map((t) => t.id) });
    await tx.run(q.seedTreatyMembers, { rows: negs.flatMap((n) => n.members) });
    await tx.run(q.seedTreatyThreats, { rows: negs.flatMap((n) => n.treatyThreats) });
  });
  return {
    sources: data.sources.length,
    eras: data.eras.length,
    states: data.states.length,
    threats: data.threats.length,
    negotiations: data.negotiations.length,
    treaties: negs.filter((n) => n.treaty).length,
    ms: Math.round(performance.now() - t0),
  };
}

/** Reads, validates and writes `dir` (the project's `seed/` by default). */
export async function loadSeed(executor: QueryExecutor, dir: string = defaultSeedDir): Promise<SeedSummary> {
  return writeSeed(executor, readSeedDir(dir));
}
