/**
 * Cypher-level tests of what the record says it does not know and of its checks: the read queries of
 * plans left unknown, options not discussed, the blind second coding, tables of contents and the
 * locators of citations, on the embedded store holding the curated seed, compared with the record
 * itself (src/seed/readSeedDir.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import { readSeedDir, type SeedData } from '../../src/seed/readSeedDir.js';
import type { SourceRefSeed } from '../../src/seed/seedFiles.schema.js';
import { planId } from '../../src/seed/loadSeed.js';
import { seedDir } from '../../src/paths.js';
import { seededEmbedded } from '../helpers/testStore.js';
import * as q from '../../src/store/queries.gen.js';

let ex: QueryExecutor;
let record: SeedData;
beforeAll(async () => {
  ex = await seededEmbedded();
  record = readSeedDir(seedDir);
});
const negotiation = (id: string) => record.negotiations.find((n) => n.id === id)!;

/** The locators of a list of references as the graph keeps them: one citation per reference, by source key. */
function expectedLocators(refs: SourceRefSeed[]) {
  return refs
    .map((r) => ({
      key: r.key,
      citedPages: r.pages ?? null,
      citedChapter: r.chapter ?? null,
      citedDocument: r.document ?? null,
      citedSeenAt: r.seenAt ?? null,
      note: r.note ?? null,
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
const locatorsOf = (rows: { node: Record<string, unknown> & { key: string } }[]) =>
  rows
    .map(({ node: n }) => ({
      key: n.key,
      citedPages: n.citedPages,
      citedChapter: n.citedChapter,
      citedDocument: n.citedDocument,
      citedSeenAt: n.citedSeenAt,
      note: n.note,
    }))
    .sort((a, b) => a.key.localeCompare(b.key));

describe('negotiationsByIds', () => {
  it('says whether the start is recorded and whether the negotiation is in the second-coding sample, for every negotiation', async () => {
    const rows = await ex.read(q.negotiationsByIds, { ids: record.negotiations.map((n) => n.id) });
    const sample = new Set(record.secondCoding.sample!.keys);
    expect(rows).toHaveLength(record.negotiations.length);
    for (const r of rows) {
      expect(r.startNotRecorded, r.id).toBe(negotiation(r.id).startNotRecorded === true);
      expect(r.inSecondCodingSample, r.id).toBe(sample.has(r.id));
    }
    expect(rows.filter((r) => r.startNotRecorded).length).toBeGreaterThan(0);
    expect(rows.find((r) => r.id === 'albanian-bulgarian-1947')?.startNotRecorded).toBe(true);
    expect(rows.find((r) => r.id === 'anglo-german-1898')?.startNotRecorded).toBe(false);
  });
});

describe('plansUnknownOfNegotiations and optionsNotDiscussedOfNegotiations', () => {
  it('give every party the record lists, with its reason or note, and the works checked', async () => {
    const ids = record.negotiations.map((n) => n.id);
    const unknown = await ex.read(q.plansUnknownOfNegotiations, { ids });
    const notDiscussed = await ex.read(q.optionsNotDiscussedOfNegotiations, { ids });
    const plans = record.negotiations.flatMap((n) =>
      n.plansUnknown.map((u) => ({ id: n.id, party: u.party, reason: u.reason })),
    );
    const options = record.negotiations.flatMap((n) =>
      n.optionsNotDiscussed.map((o) => ({ id: n.id, party: o.party, note: o.note ?? null })),
    );
    const byKey = <T extends { id: string; party: number }>(xs: T[]) =>
      [...xs].sort((a, b) => a.id.localeCompare(b.id) || a.party - b.party);
    expect(byKey(unknown.map((r) => ({ id: r.id, party: r.node.party, reason: r.node.reason })))).toEqual(byKey(plans));
    expect(byKey(notDiscussed.map((r) => ({ id: r.id, party: r.node.party, note: r.node.note })))).toEqual(
      byKey(options),
    );
    expect(unknown.find((r) => r.id === 'albanian-bulgarian-1947' && r.node.party === 339)).toBeDefined();

    const n = negotiation('albanian-bulgarian-1947');
    const u = unknown.find((r) => r.id === n.id && r.node.party === 339)!;
    expect(locatorsOf(await ex.read(q.sourcesOfPlansUnknown, { ids: [u.node.id] }))).toEqual(
      expectedLocators(n.plansUnknown.find((x) => x.party === 339)!.sources),
    );
    const o = notDiscussed.find((r) => r.id === n.id)!;
    expect(locatorsOf(await ex.read(q.sourcesOfOptionsNotDiscussed, { ids: [o.node.id] }))).toEqual(
      expectedLocators(n.optionsNotDiscussed.find((x) => x.party === o.node.party)!.sources),
    );
  });
});

describe('secondCodingsOfNegotiations', () => {
  it('gives one row per party of each sampled negotiation and none outside the sample', async () => {
    const rows = await ex.read(q.secondCodingsOfNegotiations, { ids: record.negotiations.map((n) => n.id) });
    expect(rows).toHaveLength(record.secondCoding.codings.length);
    for (const c of record.secondCoding.codings) {
      const r = rows.find((x) => x.id === c.negotiation && x.node.party === c.party);
      expect(r?.node, `${c.negotiation} ${c.party}`).toMatchObject({
        target: c.target ?? null,
        targetStates: c.targetStates ?? null,
        approach: c.approach,
        confidence: c.confidence,
        rationale: c.rationale,
        reason: c.reason ?? null,
      });
    }
    expect(await ex.read(q.secondCodingsOfNegotiations, { ids: ['anglo-german-1898'] })).toEqual([]);
  });

  it('keeps a target named by states, an uncoded one with its reason, and the sources (none where nothing is coded)', async () => {
    const orlov = (await ex.read(q.secondCodingsOfNegotiations, { ids: ['orlov-mission-1854'] })).find(
      (r) => r.node.party === 365,
    );
    expect(orlov?.node).toMatchObject({
      party: 365,
      target: null,
      targetStates: [640, 200, 220],
      approach: 'OFFENSIVE',
    });
    const greek = (await ex.read(q.secondCodingsOfNegotiations, { ids: ['czechoslovak-greek-1929'] })).find(
      (r) => r.node.party === 350,
    )!;
    expect(greek.node).toMatchObject({ target: null, approach: null, confidence: 'LOW' });
    expect(greek.node.reason).toMatch(/no target or military plan recorded/);
    const sources = await ex.read(q.sourcesOfSecondCodings, { ids: [orlov!.node.id, greek.node.id] });
    expect(sources.filter((r) => r.id === orlov!.node.id).map((r) => r.node.key)).toEqual([
      'taylor-1954',
      'schroeder-1972',
    ]);
    expect(sources.filter((r) => r.id === greek.node.id).map((r) => r.node.key)).toEqual(['czsb-1930-157']);
    const [thai] = await ex.read(q.secondCodingsOfNegotiations, { ids: ['philippine-thai-1949'] });
    expect(await ex.read(q.sourcesOfSecondCodings, { ids: [thai!.node.id] })).toEqual([]);
  });
});

describe('chaptersOfSources', () => {
  it('gives each table of contents in printed order, with where it was read, and nothing for a source without one', async () => {
    const keys = record.contents.map((c) => c.source);
    const rows = await ex.read(q.chaptersOfSources, { ids: [...keys, 'kennedy-1980'] });
    for (const c of record.contents)
      expect(rows.filter((r) => r.id === c.source).map((r) => r.node)).toEqual(
        c.chapters.map((ch) => ({ number: ch.number, title: ch.title, seenAt: c.seenAt })),
      );
    expect(rows.filter((r) => r.id === 'kennedy-1980')).toEqual([]);
    expect(rows.find((r) => r.id === 'poast-2019' && r.node.number === '4')?.node.title).toBe(
      'A Key Nonagreement: The 1901 Anglo-German Negotiations',
    );
  });
});

describe('locators of citations', () => {
  it('the war plans of the 1939 British-French-Soviet talks keep every reference with its pages, chapter, document and seenAt', async () => {
    const n = negotiation('british-french-soviet-1939');
    const plans = n.warPlans.filter((w) => w.fromRound === undefined);
    for (const w of plans) {
      const id = planId(n.id, w.party);
      expect(locatorsOf(await ex.read(q.sourcesOfWarPlans, { ids: [id] })), id).toEqual(expectedLocators(w.sources));
    }
    // The Soviet plan cites FRUS 1939 I twice, at two documents: both are kept.
    const soviet = await ex.read(q.sourcesOfWarPlans, { ids: [planId(n.id, 365)] });
    expect(
      soviet.filter((r) => r.node.key === 'frus-1939-i').map((r) => [r.node.citedDocument, r.node.citedSeenAt]),
    ).toEqual([
      ['238', 'https://history.state.gov/historicaldocuments/frus1939v01/d238'],
      ['301', 'https://history.state.gov/historicaldocuments/frus1939v01/d301'],
    ]);
  });

  it('every negotiation cites its sources with their locators', async () => {
    const rows = await ex.read(q.sourcesOfNegotiations, { ids: record.negotiations.map((n) => n.id) });
    for (const n of record.negotiations)
      expect(locatorsOf(rows.filter((r) => r.id === n.id)), n.id).toEqual(
        expectedLocators([...n.sources, ...(n.targetAtTable?.sources ?? [])]),
      );
  });
});
