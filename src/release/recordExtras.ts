/**
 * What the package needs of the record that the graph does not hold yet, read from the validated seed
 * (`readSeedDir`) and the two files beside it that no loader reads (seed/universe.csv,
 * seed/second-coding/). Everything else comes from the graph (./readRecord.ts), so that the package's
 * counts are the API's. When the seed loader carries these into the graph, this module is the one
 * place to switch:
 *
 * - `startNotRecorded`, `plansUnknown`, `optionsNotDiscussed` (not loaded);
 * - every reference of a fact with its full locator: the graph keeps one `CITES` per fact and source
 *   (a second reference to the same work, e.g. another document of one FRUS volume, overwrites the
 *   first) and no `document` or `seenAt`; the references of plans-unknown and options-not-discussed
 *   statements are not loaded either;
 * - the sources' tables of contents (`contents`), for chapter titles;
 * - the case universe and the second coding.
 *
 * Fact ids follow the seed loader's (src/seed/loadSeed.ts): the package's foreign keys and
 * test/release check that every id found here is one of the graph's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { APPROACHES, CONFIDENCE, UNIVERSE_EXCLUSION_CODES, UNIVERSE_STATUSES } from '../domain/index.js';
import { seedDir as defaultSeedDir } from '../paths.js';
import { planId } from '../seed/loadSeed.js';
import { readSeedDir, SeedValidationError, type SeedData } from '../seed/readSeedDir.js';
import type { NegotiationSeed, SourceRefSeed } from '../seed/seedFiles.schema.js';

export type FactType =
  | 'negotiation'
  | 'target_at_table'
  | 'round'
  | 'proposal'
  | 'plan'
  | 'outside_option'
  | 'third_party'
  | 'treaty'
  | 'plans_unknown'
  | 'options_not_discussed';

export interface Reference {
  factType: FactType;
  factId: string;
  negotiation: string;
  ccode: number | null;
  refIndex: number;
  key: string;
  pages: string | null;
  chapter: string | null;
  chapterTitle: string | null;
  document: string | null;
  seenAt: string | null;
  note: string | null;
}

export interface Statement {
  text: string | null;
  sources: string[];
}

export interface UniverseRow {
  atopid: number;
  begins: string;
  members: number[];
  status: (typeof UNIVERSE_STATUSES)[number];
  negotiation: string | null;
  reason: string | null;
  justification: string | null;
}

export interface SecondCodingRow {
  negotiation: string;
  party: number;
  target: string | null;
  targetStates: number[] | null;
  approach: (typeof APPROACHES)[number] | null;
  confidence: (typeof CONFIDENCE)[number];
  rationale: string;
  reason: string | null;
  sources: string[];
}

export interface RecordExtras {
  startNotRecorded: ReadonlySet<string>;
  /** negotiation → party → the reason the works checked do not settle its entry plan. */
  plansUnknown: ReadonlyMap<string, ReadonlyMap<number, Statement>>;
  /** negotiation → party → the note (if any) that the works checked record no outside option. */
  optionsNotDiscussed: ReadonlyMap<string, ReadonlyMap<number, Statement>>;
  references: readonly Reference[];
  universe: readonly UniverseRow[];
  secondCoding: readonly SecondCodingRow[];
}

const universeRow = z
  .object({
    atopid: z.coerce.number().int().positive(),
    begins: z.iso.date(),
    members: z.string().regex(/^\d+(;\d+)*$/),
    status: z.enum(UNIVERSE_STATUSES),
    negotiation: z.string(),
    reason: z.union([z.literal(''), z.enum(UNIVERSE_EXCLUSION_CODES as [string, ...string[]])]),
    justification: z.string(),
  })
  .strict();

/** seed/second-coding/coding.yaml: the blind second coder's entry plans (codebook §20). */
const secondCodingFile = z
  .object({
    coder: z.string().min(1),
    codings: z.array(
      z
        .object({
          negotiation: z.string().min(1),
          party: z.number().int().positive(),
          target: z.string().min(1).nullable().optional(),
          targetStates: z.array(z.number().int().positive()).min(1).optional(),
          approach: z.enum(APPROACHES).nullable(),
          confidence: z.enum(CONFIDENCE),
          rationale: z.string().min(1),
          reason: z.string().min(1).optional(),
          sources: z.array(z.string().min(1)),
        })
        .strict()
        .refine((c) => !(c.target && c.targetStates), 'a coding names a target or target states, not both'),
    ),
  })
  .strict();

function parseOrThrow<T>(schema: z.ZodType<T>, raw: unknown, file: string): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  throw new SeedValidationError(r.error.issues.map((i) => ({ file, path: i.path.join('.'), message: i.message })));
}

function readUniverse(dir: string): UniverseRow[] {
  const file = 'universe.csv';
  const rows = parseCsv(readFileSync(join(dir, file), 'utf8'), { columns: true, skip_empty_lines: true }) as unknown[];
  return rows.map((raw, i) => {
    const r = parseOrThrow(universeRow, raw, `${file} row ${i + 2}`);
    return {
      atopid: r.atopid,
      begins: r.begins,
      members: r.members.split(';').map(Number),
      status: r.status,
      negotiation: r.negotiation || null,
      reason: r.reason || null,
      justification: r.justification || null,
    };
  });
}

function readSecondCoding(dir: string): SecondCodingRow[] {
  const file = join('second-coding', 'coding.yaml');
  const f = parseOrThrow(secondCodingFile, parseYaml(readFileSync(join(dir, file), 'utf8')), file);
  return f.codings.map((c) => ({
    negotiation: c.negotiation,
    party: c.party,
    target: c.target ?? null,
    targetStates: c.targetStates ?? null,
    approach: c.approach,
    confidence: c.confidence,
    rationale: c.rationale,
    reason: c.reason ?? null,
    sources: c.sources,
  }));
}

/** Every reference of one negotiation's facts, under the ids the seed loader gives them. */
function negotiationReferences(n: NegotiationSeed, chapterTitle: (key: string, ch: string) => string | null) {
  const out: Reference[] = [];
  const add = (factType: FactType, factId: string, refs: readonly SourceRefSeed[], ccode: number | null = null) =>
    refs.forEach((r, i) =>
      out.push({
        factType,
        factId,
        negotiation: n.id,
        ccode,
        refIndex: i + 1,
        key: r.key,
        pages: r.pages ?? null,
        chapter: r.chapter ?? null,
        chapterTitle: r.chapter ? chapterTitle(r.key, r.chapter) : null,
        document: r.document ?? null,
        seenAt: r.seenAt ?? null,
        note: r.note ?? null,
      }),
    );
  add('negotiation', n.id, n.sources);
  if (n.targetAtTable) add('target_at_table', n.id, n.targetAtTable.sources);
  for (const r of n.rounds) add('round', `${n.id}-r${r.sequence}`, r.sources);
  n.proposals.forEach((p, i) => add('proposal', `${n.id}-p${i + 1}`, p.sources));
  for (const w of n.warPlans) {
    const id = planId(n.id, w.party, w.fromRound);
    add('plan', id, w.sources);
    w.alternatives.forEach((a, j) => add('plan', `${id}-alt${j + 1}`, a.sources));
  }
  // A proposed plan cites its proposal's sources (the loader gives it the proposal's): not repeated here.
  n.outsideOptions.forEach((o, i) => {
    const id = `${n.id}-option-${o.party}-${i + 1}`;
    add('outside_option', id, o.sources);
    o.alternatives.forEach((a, j) => add('outside_option', `${id}-alt${j + 1}`, a.sources));
  });
  for (const t of n.thirdParties) add('third_party', `${n.id}-third_party-${t.ccode}`, t.sources, t.ccode);
  if (n.treaty) add('treaty', n.treaty.id, n.treaty.sources);
  for (const u of n.plansUnknown) add('plans_unknown', `${n.id}-plans_unknown-${u.party}`, u.sources, u.party);
  for (const o of n.optionsNotDiscussed)
    add('options_not_discussed', `${n.id}-options_not_discussed-${o.party}`, o.sources, o.party);
  return out;
}

/** Reads the seed directory (the project's by default) for what the graph lacks. */
export function readRecordExtras(dir: string = defaultSeedDir, seed: SeedData = readSeedDir(dir)): RecordExtras {
  const chapters = new Map(
    seed.contents.map((c) => [c.source, new Map(c.chapters.map((ch) => [ch.number, ch.title]))]),
  );
  const chapterTitle = (key: string, ch: string) => chapters.get(key)?.get(ch) ?? null;
  const byParty = (list: { party: number; text: string | null; sources: SourceRefSeed[] }[]) =>
    new Map(list.map((s) => [s.party, { text: s.text, sources: s.sources.map((r) => r.key) }]));
  return {
    startNotRecorded: new Set(seed.negotiations.filter((n) => n.startNotRecorded).map((n) => n.id)),
    plansUnknown: new Map(
      seed.negotiations.map((n) => [n.id, byParty(n.plansUnknown.map((u) => ({ ...u, text: u.reason })))]),
    ),
    optionsNotDiscussed: new Map(
      seed.negotiations.map((n) => [n.id, byParty(n.optionsNotDiscussed.map((o) => ({ ...o, text: o.note ?? null })))]),
    ),
    references: seed.negotiations.flatMap((n) => negotiationReferences(n, chapterTitle)),
    universe: readUniverse(dir),
    secondCoding: readSecondCoding(dir),
  };
}
