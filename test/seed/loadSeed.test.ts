/** The seed loader: idempotent, and a bad seed directory writes nothing. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadSeed } from '../../src/seed/loadSeed.js';
import { SeedValidationError } from '../../src/seed/readSeedDir.js';
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
});
