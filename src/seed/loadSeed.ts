/**
 * Writes the curated seed into the store. Everything is read and validated first (`readSeedDir`),
 * then written in one transaction, so a bad seed writes nothing. Every write MERGEs on the node's
 * key, and a negotiation's rounds, proposals and war plans are replaced as a whole, so loading twice
 * gives the same graph.
 */
import type { QueryExecutor } from '../store/QueryExecutor.js';
import { flagsOf } from '../domain/index.js';
import { seedDir as defaultSeedDir } from '../paths.js';
import { readSeedDir, type SeedData } from './readSeedDir.js';
import type { NegotiationSeed, SourceSeed } from './seedFiles.schema.js';
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

const refs = (sources: { key: string; pages?: string; note?: string }[]) =>
  sources.map((s) => ({ key: s.key, pages: s.pages ?? null, note: s.note ?? null }));

function negotiationRows(n: NegotiationSeed) {
  const roundId = (seq: number) => `${n.id}-r${seq}`;
  return {
    negotiation: {
      id: n.id, name: n.name, start: n.start, startPrecision: n.startPrecision, end: n.end, endPrecision: n.endPrecision,
      outcome: n.outcome, era: n.era, parties: n.parties, summary: n.summary, confidence: n.confidence, notes: n.notes ?? null,
      sources: refs(n.sources),
    },
    rounds: n.rounds.map((r) => ({
      id: roundId(r.sequence), negotiation: n.id, sequence: r.sequence, start: r.start, startPrecision: r.startPrecision,
      end: r.end ?? null, endPrecision: r.end ? r.endPrecision : null, place: r.place, negotiators: r.negotiators,
      summary: r.summary ?? null, sources: refs(r.sources),
    })),
    proposals: n.proposals.map((p, i) => ({
      id: `${n.id}-p${i + 1}`, negotiation: n.id, round: p.round ? roundId(p.round) : null, sequence: i + 1, date: p.date,
      datePrecision: p.datePrecision, by: p.by[0]!, to: p.to, obligations: p.obligations, summary: p.summary,
      response: p.response, responseNote: p.responseNote ?? null, sources: refs(p.sources),
    })),
    warPlans: n.warPlans.filter((w) => w.fromRound === undefined).map((w) => ({
      id: `${n.id}-${w.kind.toLowerCase()}-${w.party}`, negotiation: n.id, party: w.party, kind: w.kind, target: w.target,
      approach: w.approach, justification: w.justification, confidence: w.confidence, sources: refs(w.sources),
    })),
    treaty: n.treaty ? {
      id: n.treaty.id, negotiation: n.id, name: n.treaty.name, atopId: n.treaty.atopId ?? null, signed: n.treaty.signed,
      ended: n.treaty.ended ?? null, obligations: n.treaty.obligations, era: n.era, sources: refs(n.treaty.sources),
      ...flagsOf(n.treaty.obligations),
    } : null,
    members: n.treaty ? n.treaty.members.map((c) => ({ treaty: n.treaty!.id, ccode: c, entry: n.treaty!.signed, exit: n.treaty!.ended ?? null, phase: 1 })) : [],
    treatyThreats: n.treaty ? n.treaty.directedAgainst.map((t) => ({ treaty: n.treaty!.id, threat: t })) : [],
  };
}

/** Writes already-validated seed data in one transaction. */
export async function writeSeed(executor: QueryExecutor, data: SeedData): Promise<SeedSummary> {
  const t0 = performance.now();
  const negs = data.negotiations.map(negotiationRows);
  await executor.transaction('seed', async (tx) => {
    await tx.run(q.seedSources, {
      rows: data.sources.map((s) => ({
        key: s.key, kind: s.kind, authors: s.authors, title: s.title, year: s.year, publisher: s.publisher ?? null,
        container: s.container ?? null, volume: s.volume ?? null, pages: s.pages ?? null, url: s.url ?? null, citation: formatCitation(s),
      })),
    });
    await tx.run(q.seedEras, { rows: data.eras.map((e) => ({ id: e.id, name: e.name, start: e.start, end: e.end, sources: refs(e.sources) })) });
    await tx.run(q.seedStates, { rows: data.states.map((s) => ({ ccode: s.ccode, abbrev: s.abbrev, name: s.name, sources: refs(s.sources) })) });
    await tx.run(q.seedThreats, {
      rows: data.threats.map((t) => ({ id: t.id, name: t.name, description: t.description ?? null, posedBy: t.posedBy, sources: refs(t.sources) })),
    });
    await tx.run(q.seedPerceptions, {
      rows: data.threats.flatMap((t) => t.perceivedBy.map((p) => ({
        threat: t.id, ccode: p.ccode, from: p.from, to: p.to ?? null, note: p.note ?? null, sources: p.sources.map((s) => s.key),
      }))),
    });
    const ids = negs.map((n) => n.negotiation.id);
    await tx.run(q.seedClearNegotiations, { ids });
    await tx.run(q.seedClearNegotiationLinks, { ids });
    await tx.run(q.seedNegotiations, { rows: negs.map((n) => n.negotiation) });
    await tx.run(q.seedRounds, { rows: negs.flatMap((n) => n.rounds) });
    await tx.run(q.seedProposals, { rows: negs.flatMap((n) => n.proposals) });
    await tx.run(q.seedWarPlans, { rows: negs.flatMap((n) => n.warPlans) });
    const treaties = negs.flatMap((n) => (n.treaty ? [n.treaty] : []));
    await tx.run(q.seedTreaties, { rows: treaties.filter((t) => t.atopId === null).map(({ atopId: _none, ...t }) => t) });
    await tx.run(q.seedAtopTreaties, { rows: treaties.flatMap((t) => (t.atopId === null ? [] : [{ ...t, atopId: t.atopId }])) });
    await tx.run(q.seedTreatyMembers, { rows: negs.flatMap((n) => n.members) });
    await tx.run(q.seedTreatyThreats, { rows: negs.flatMap((n) => n.treatyThreats) });
  });
  return {
    sources: data.sources.length, eras: data.eras.length, states: data.states.length, threats: data.threats.length,
    negotiations: data.negotiations.length, treaties: negs.filter((n) => n.treaty).length, ms: Math.round(performance.now() - t0),
  };
}

/** Reads, validates and writes `dir` (the project's `seed/` by default). */
export async function loadSeed(executor: QueryExecutor, dir: string = defaultSeedDir): Promise<SeedSummary> {
  return writeSeed(executor, readSeedDir(dir));
}
