/**
 * The seed loader: idempotent, a reload removes what a curator deleted, a bad seed directory writes
 * nothing, and the second coding is validated like the rest of the record.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadSeed } from '../../src/seed/loadSeed.js';
import { readSeedDir, SeedValidationError } from '../../src/seed/readSeedDir.js';
import { seedDir } from '../../src/paths.js';
import { emptyEmbedded } from '../helpers/testStore.js';
import * as q from '../../src/store/queries.gen.js';

async function counts(ex: Awaited<ReturnType<typeof emptyEmbedded>>) {
  return { nodes: await ex.read(q.countNodesByLabel), relationships: await ex.read(q.countRelationshipsByType) };
}

describe('loadSeed', () => {
  it('loading twice gives the same node and relationship counts', async () => {
    const ex = await emptyEmbedded();
    const summary = await loadSeed(ex);
    const first = await counts(ex);
    await loadSeed(ex);
    expect(await counts(ex)).toEqual(first);
    const negotiations = first.nodes.find((r) => r.label === 'Negotiation');
    expect(negotiations?.count).toBe(summary.negotiations);
    const record = readSeedDir(seedDir);
    const count = (label: string) => first.nodes.find((r) => r.label === label)?.count;
    expect(count('PlanUnknown')).toBe(record.negotiations.reduce((a, n) => a + n.plansUnknown.length, 0));
    expect(count('OptionsNotDiscussed')).toBe(
      record.negotiations.reduce((a, n) => a + n.optionsNotDiscussed.length, 0),
    );
    expect(count('SecondCoding')).toBe(record.secondCoding.codings.length);
    expect(count('Chapter')).toBe(record.contents.reduce((a, c) => a + c.chapters.length, 0));
  });

  it('a seed with one bad field is rejected, naming file and field, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-bad-'));
    cpSync(seedDir, dir, { recursive: true });
    const file = join(dir, 'negotiations', 'north-atlantic-1948.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^outcome: AGREEMENT$/m, 'outcome: MAYBE'));
    const ex = await emptyEmbedded();
    const err = await loadSeed(ex, dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SeedValidationError);
    expect((err as Error).message).toMatch(/negotiations\/north-atlantic-1948\.yaml at outcome/);
    expect(await ex.read(q.countNodesByLabel)).toEqual([]);
  });

  it('an edit that removes a proposal removes it from the graph on reload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-edit-'));
    cpSync(seedDir, dir, { recursive: true });
    const ex = await emptyEmbedded();
    await loadSeed(ex, dir);
    const before = (await ex.read(q.proposalsOfNegotiations, { ids: ['anglo-german-1898'] })).length;
    expect(before).toBeGreaterThan(1);
    const file = join(dir, 'negotiations', 'anglo-german-1898.yaml');
    const doc = parse(readFileSync(file, 'utf8')) as { proposals: unknown[] };
    doc.proposals.pop();
    writeFileSync(file, stringify(doc));
    await loadSeed(ex, dir);
    expect((await ex.read(q.proposalsOfNegotiations, { ids: ['anglo-german-1898'] })).length).toBe(before - 1);
  });

  it('a reload removes what a curator deleted: a chapter of a table of contents, a negotiation drawn out of the sample', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-edit-'));
    cpSync(seedDir, dir, { recursive: true });
    const sourcesFile = join(dir, 'sources', 'k1871.yaml');
    const sources = parse(readFileSync(sourcesFile, 'utf8')) as {
      contents: { source: string; chapters: { number: string; title: string }[] }[];
    };
    const poast = sources.contents.find((c) => c.source === 'poast-2019')!;
    poast.chapters.push({ number: '99', title: 'A chapter this test adds' });
    writeFileSync(sourcesFile, stringify(sources));
    const ex = await emptyEmbedded();
    await loadSeed(ex, dir);
    const chapters = async () =>
      (await ex.read(q.chaptersOfSources, { ids: ['poast-2019'] })).map((r) => r.node.number);
    expect(await chapters()).toContain('99');
    const sampled = 'verona-1822';
    const negotiation = async () => (await ex.read(q.negotiationsByIds, { ids: [sampled] }))[0]!;
    expect((await negotiation()).inSecondCodingSample).toBe(true);
    expect(await ex.read(q.secondCodingsOfNegotiations, { ids: [sampled] })).toHaveLength(4);

    poast.chapters.pop();
    writeFileSync(sourcesFile, stringify(sources));
    const sampleFile = join(dir, 'second-coding', 'sample.yaml');
    const sample = parse(readFileSync(sampleFile, 'utf8')) as { keys: string[] };
    sample.keys = sample.keys.filter((k) => k !== sampled);
    writeFileSync(sampleFile, stringify(sample));
    const codingFile = join(dir, 'second-coding', 'coding.yaml');
    const coding = parse(readFileSync(codingFile, 'utf8')) as { codings: { negotiation: string }[] };
    coding.codings = coding.codings.filter((c) => c.negotiation !== sampled);
    writeFileSync(codingFile, stringify(coding));
    await loadSeed(ex, dir);
    expect(await chapters()).not.toContain('99');
    expect((await negotiation()).inSecondCodingSample).toBe(false);
    expect(await ex.read(q.secondCodingsOfNegotiations, { ids: [sampled] })).toEqual([]);
  });

  it('bjorko-1905 (signed, never in force, ATOP 1440) claims no tie, and a reload removes a curated tie the record no longer claims (regression)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-bjorko-'));
    cpSync(seedDir, dir, { recursive: true });
    const file = join(dir, 'negotiations', 'bjorko-1905.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/^outcome: SIGNED_NOT_IN_FORCE$/m, 'outcome: AGREEMENT'));
    const ex = await emptyEmbedded();
    await loadSeed(ex, dir);
    const members = async (id: string) => (await ex.read(q.membersOfTreaties, { ids: [id] })).map((r) => r.node.ccode);
    expect((await members('treaty-of-bjorko')).sort()).toEqual([255, 365]);
    writeFileSync(file, original);
    await loadSeed(ex, dir);
    expect(await members('treaty-of-bjorko')).toEqual([]);
    // A treaty in force with an ATOP id keeps its curated spells until the ATOP import replaces them.
    expect(await members('north-atlantic-treaty')).toContain(2);
  });
});

describe('the second coding is validated', () => {
  function mutated(
    edit: (files: { sample: { keys: string[] }; coding: { codings: Record<string, unknown>[] } }) => void,
  ) {
    const dir = mkdtempSync(join(tmpdir(), 'seed-second-'));
    cpSync(seedDir, dir, { recursive: true });
    const sampleFile = join(dir, 'second-coding', 'sample.yaml');
    const codingFile = join(dir, 'second-coding', 'coding.yaml');
    const files = {
      sample: parse(readFileSync(sampleFile, 'utf8')) as { keys: string[] },
      coding: parse(readFileSync(codingFile, 'utf8')) as { codings: Record<string, unknown>[] },
    };
    edit(files);
    writeFileSync(sampleFile, stringify(files.sample));
    writeFileSync(codingFile, stringify(files.coding));
    try {
      readSeedDir(dir);
    } catch (e) {
      expect(e).toBeInstanceOf(SeedValidationError);
      return (e as SeedValidationError).problems.map((p) => `${p.file} at ${p.path}: ${p.message}`);
    }
    throw new Error('the mutated second coding was accepted');
  }

  it('the record as it stands is valid: 208 codings of the 73 sampled negotiations', () => {
    const { secondCoding } = readSeedDir(seedDir);
    expect(secondCoding.sample!.keys).toHaveLength(73);
    expect(secondCoding.codings).toHaveLength(208);
  });

  it('names sampled negotiations and their parties, one coding per party, with threats, states and sources of the record', () => {
    const problems = mutated(({ sample, coding }) => {
      const c = coding.codings;
      expect(c[0]).toMatchObject({ negotiation: 'austro-neapolitan-june-1815', party: 300 });
      c[0]!.negotiation = 'anglo-german-1898';
      c[1]!.party = 2;
      expect(c[2]).toMatchObject({ negotiation: 'verona-1822', party: 220 });
      c[3]!.party = 220;
      c[4]!.target = 'threat-nowhere';
      c[5]!.sources = ['no-such-work'];
      c[7]!.target = undefined;
      c[7]!.targetStates = [998];
      sample.keys.push('no-such-negotiation');
    });
    const expected = [
      'second-coding/coding.yaml at codings.0.negotiation: anglo-german-1898 is not in the sample',
      'second-coding/coding.yaml at codings.0.party: 300 is not a party of anglo-german-1898',
      'second-coding/coding.yaml at codings.1.party: 2 is not a party of austro-neapolitan-june-1815',
      'second-coding/coding.yaml at codings.3.party: party 220 of verona-1822 is coded twice',
      'second-coding/coding.yaml at codings.4.target: unknown threat "threat-nowhere"',
      'second-coding/coding.yaml at codings.5.sources.0.key: unknown source "no-such-work" (add it to a sources file)',
      'second-coding/coding.yaml at codings.7.targetStates.0: ccode 998 is not in a states file',
      'second-coding/coding.yaml at codings: party 300 of sampled negotiation austro-neapolitan-june-1815 has no coding',
      'second-coding/sample.yaml at keys.73: unknown negotiation "no-such-negotiation"',
    ];
    for (const e of expected) expect(problems).toContain(e);
  });

  it('an approach outside the domain, or an uncoded component without its reason, is refused by the schema', () => {
    const problems = mutated(({ coding }) => {
      coding.codings[0]!.approach = 'NEUTRAL';
      coding.codings[1]!.target = null;
    });
    expect(problems.some((p) => p.startsWith('second-coding/coding.yaml at codings.0.approach:'))).toBe(true);
    expect(problems).toContain(
      'second-coding/coding.yaml at codings.1.reason: a target or an approach left uncoded (null) needs a `reason`',
    );
  });
});
