/**
 * Reads and validates the curated seed directory, without touching a store.
 *
 * All files are parsed and checked before anything is written, so that a bad file loads nothing:
 * the error names the file and the field path.
 *
 * Each kind of record (sources, eras, regions, states, threats) is read from `<kind>.yaml` and from
 * every `<kind>/*.yaml`, so that curators can keep the records of one era or one project in a file
 * of their own; a key declared twice is an error. A threats file may also add perceptions to a
 * threat declared in another file.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import {
  erasFile,
  negotiation,
  regionsFile,
  secondCodingFile,
  secondCodingSampleFile,
  sourcesFile,
  statesFile,
  threatsFile,
  type ContentsSeed,
  type EraSeed,
  type NegotiationSeed,
  type RegionSeed,
  type SecondCodingSampleSeed,
  type SecondCodingSeed,
  type SourceSeed,
  type StateSeed,
  type ThreatSeed,
  type SourceRefSeed,
} from './seedFiles.schema.js';
import { OUTCOME_INFO, toOldStyle } from '../domain/index.js';

export interface SeedData {
  sources: SourceSeed[];
  /** Tables of contents of sources: the chapters a `chapter` locator may name. */
  contents: ContentsSeed[];
  eras: EraSeed[];
  regions: RegionSeed[];
  states: StateSeed[];
  /** Threats with every perception of them, wherever it was declared. */
  threats: ThreatSeed[];
  negotiations: NegotiationSeed[];
  /** The blind second coding of a sample of negotiations (`second-coding/`); empty where the record has none. */
  secondCoding: SecondCodingData;
}

/** `second-coding/sample.yaml` and `second-coding/coding.yaml`, both optional. */
export interface SecondCodingData {
  /** The draw; null without `sample.yaml`. */
  sample: SecondCodingSampleSeed | null;
  /** Who coded; null without `coding.yaml`. */
  coder: string | null;
  /** One per party of every sampled negotiation (checked) once `coding.yaml` exists. */
  codings: SecondCodingSeed[];
}

/** One problem in one seed file; `path` is the field path inside the file (e.g. `rounds.0.start`). */
export interface SeedProblem {
  file: string;
  path: string;
  message: string;
}

export class SeedValidationError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    super(
      `seed is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems
          .slice(0, 20)
          .map((p) => `  ${p.file}${p.path ? ` at ${p.path}` : ''}: ${p.message}`)
          .join('\n'),
    );
    this.name = 'SeedValidationError';
  }
}

function parseFile<T>(dir: string, file: string, schema: z.ZodType<T>, problems: SeedProblem[]): T | undefined {
  const name = relative(dir, file) || file;
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push({ file: name, path: '', message: `not valid YAML: ${(e as Error).message.split('\n')[0]}` });
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file: name, path: issue.path.join('.'), message: issue.message });
    }
    return undefined;
  }
  return result.data;
}

const yamlFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => join(dir, f))
    : [];

/** `<kind>.yaml` and `<kind>/*.yaml`, each parsed with `schema`; at least one file must exist. */
function readKind<T>(
  dir: string,
  kind: string,
  schema: z.ZodType<T>,
  problems: SeedProblem[],
): { file: string; data: T }[] {
  const files = [join(dir, `${kind}.yaml`)].filter(existsSync).concat(yamlFiles(join(dir, kind)));
  if (!files.length)
    problems.push({ file: `${kind}.yaml`, path: '', message: `no ${kind}.yaml and no ${kind}/*.yaml` });
  return files.flatMap((f) => {
    const data = parseFile(dir, f, schema, problems);
    return data ? [{ file: relative(dir, f), data }] : [];
  });
}

/** Where each record was declared, for error messages. */
type Origin<T> = T & { file: string; index: number };
const withOrigin = <T>(parts: { file: string; data: T[] }[]): Origin<T>[] =>
  parts.flatMap((p) => p.data.map((d, index) => ({ ...d, file: p.file, index })));

/** Reads `dir` (the project's `seed/` by default), validates every file and every cross-reference. */
export function readSeedDir(dir: string): SeedData {
  const problems: SeedProblem[] = [];
  const sourceParts = readKind(dir, 'sources', sourcesFile, problems);
  const sources = withOrigin(sourceParts.map((p) => ({ file: p.file, data: p.data.sources })));
  const contents = withOrigin(sourceParts.map((p) => ({ file: p.file, data: p.data.contents })));
  const eras = withOrigin(readKind(dir, 'eras', erasFile, problems).map((p) => ({ file: p.file, data: p.data.eras })));
  const regionParts =
    [join(dir, 'regions.yaml')].some(existsSync) || existsSync(join(dir, 'regions'))
      ? readKind(dir, 'regions', regionsFile, problems)
      : [];
  const regions = withOrigin(regionParts.map((p) => ({ file: p.file, data: p.data.regions })));
  const states = withOrigin(
    readKind(dir, 'states', statesFile, problems).map((p) => ({ file: p.file, data: p.data.states })),
  );
  const threatParts = readKind(dir, 'threats', threatsFile, problems);
  const threats = withOrigin(threatParts.map((p) => ({ file: p.file, data: p.data.threats })));
  const extraPerceptions = withOrigin(threatParts.map((p) => ({ file: p.file, data: p.data.perceptions })));

  const negotiations: NegotiationSeed[] = [];
  for (const path of yamlFiles(join(dir, 'negotiations'))) {
    const n = parseFile(dir, path, negotiation, problems);
    const f = relative(join(dir, 'negotiations'), path);
    if (n) {
      if (`${n.id}.yaml` !== f)
        problems.push({ file: `negotiations/${f}`, path: 'id', message: `id "${n.id}" must match the file name` });
      negotiations.push(n);
    }
  }
  const secondCodingDir = join(dir, 'second-coding');
  const sampleFile = join(secondCodingDir, 'sample.yaml');
  const codingFile = join(secondCodingDir, 'coding.yaml');
  const sample = existsSync(sampleFile) ? parseFile(dir, sampleFile, secondCodingSampleFile, problems) : undefined;
  const coding = existsSync(codingFile) ? parseFile(dir, codingFile, secondCodingFile, problems) : undefined;
  if (coding && !existsSync(sampleFile))
    problems.push({ file: 'second-coding/coding.yaml', path: '', message: 'a second coding needs its sample.yaml' });
  if (problems.length) throw new SeedValidationError(problems);

  const strip = <T extends { file: string; index: number }>({ file: _f, index: _i, ...rest }: T) => rest;
  const byThreat = new Map(threats.map((t) => [t.id, { ...strip(t), perceivedBy: [...t.perceivedBy] }]));
  for (const p of extraPerceptions) {
    const t = byThreat.get(p.threat);
    if (!t) {
      problems.push({ file: p.file, path: `perceptions.${p.index}.threat`, message: `unknown threat "${p.threat}"` });
      continue;
    }
    const { threat: _t, ...perception } = strip(p);
    t.perceivedBy.push(perception);
  }
  const data: SeedData = {
    sources: sources.map(strip),
    contents: contents.map(strip),
    eras: eras.map(strip),
    regions: regions.map(strip),
    states: states.map(strip),
    threats: [...byThreat.values()],
    negotiations,
    secondCoding: { sample: sample ?? null, coder: coding?.coder ?? null, codings: coding?.codings ?? [] },
  };
  checkReferences({ sources, contents, eras, regions, states, threats, extraPerceptions }, data, problems);
  if (problems.length) throw new SeedValidationError(problems);
  return data;
}

function duplicates<T extends { file: string; index: number }>(
  items: T[],
  key: (t: T) => string | number,
  what: string,
  problems: SeedProblem[],
  list: string,
): void {
  const seen = new Map<string | number, T>();
  for (const i of items) {
    const k = key(i);
    const first = seen.get(k);
    if (first)
      problems.push({
        file: i.file,
        path: `${list}.${i.index}`,
        message: `duplicate ${what} ${k} (first in ${first.file})`,
      });
    else seen.set(k, i);
  }
}

interface Origins {
  sources: Origin<SourceSeed>[];
  contents: Origin<ContentsSeed>[];
  eras: Origin<EraSeed>[];
  regions: Origin<RegionSeed>[];
  states: Origin<StateSeed>[];
  threats: Origin<ThreatSeed>[];
  extraPerceptions: Origin<{ ccode: number; from: string; to?: string }>[];
}

/** Cross-file checks: every key referenced exists, dates are ordered, rounds lie inside their negotiation. */
function checkReferences(o: Origins, d: SeedData, problems: SeedProblem[]): void {
  const sourceKeys = new Set(d.sources.map((s) => s.key));
  const eraIds = new Map(d.eras.map((e) => [e.id, e]));
  const regionIds = new Set(d.regions.map((r) => r.id));
  const ccodes = new Set(d.states.map((s) => s.ccode));
  const threatIds = new Set(d.threats.map((t) => t.id));
  const negotiationIds = new Set(d.negotiations.map((n) => n.id));
  duplicates(o.sources, (s) => s.key, 'source key', problems, 'sources');
  duplicates(o.eras, (s) => s.id, 'era id', problems, 'eras');
  duplicates(o.regions, (s) => s.id, 'region id', problems, 'regions');
  duplicates(o.states, (s) => s.ccode, 'ccode', problems, 'states');
  duplicates(o.threats, (s) => s.id, 'threat id', problems, 'threats');
  const treatyOwner = new Map<string, string>();
  for (const n of d.negotiations) {
    if (!n.treaty) continue;
    const first = treatyOwner.get(n.treaty.id);
    if (first)
      problems.push({
        file: `negotiations/${n.id}.yaml`,
        path: 'treaty.id',
        message: `treaty id ${n.treaty.id} is also the treaty of ${first}`,
      });
    else treatyOwner.set(n.treaty.id, n.id);
  }

  const sourceByKey = new Map(d.sources.map((x) => [x.key, x]));
  duplicates(o.contents, (c) => c.source, 'table of contents of', problems, 'contents');
  const chaptersOf = new Map<string, Set<string>>();
  for (const c of o.contents) {
    if (!sourceKeys.has(c.source))
      problems.push({ file: c.file, path: `contents.${c.index}.source`, message: `unknown source "${c.source}"` });
    chaptersOf.set(c.source, new Set(c.chapters.map((ch) => ch.number)));
  }
  /** A locator must be checkable: see `sourceRef` and seed/README.md ("Locators"). */
  const checkLocator = (file: string, at: string, ref: SourceRefSeed) => {
    const source = sourceByKey.get(ref.key);
    if (!source) return;
    if (ref.chapter !== undefined && !chaptersOf.get(ref.key)?.has(ref.chapter))
      problems.push({
        file,
        path: `${at}.chapter`,
        message: `chapter "${ref.chapter}" is not in the table of contents of ${ref.key} (add \`contents:\` to a sources file)`,
      });
    if (ref.document !== undefined && source.kind !== 'DOCUMENTS' && source.kind !== 'TREATY_TEXT')
      problems.push({
        file,
        path: `${at}.document`,
        message: `${ref.key} is a ${source.kind}, not a collection of documents`,
      });
    if (ref.pages !== undefined && !source.url && !ref.seenAt)
      problems.push({
        file,
        path: `${at}.pages`,
        message: `pages of ${ref.key} need an edition a reader can open: the source's url, or seenAt`,
      });
  };
  const walkSources = (file: string, path: string, node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => walkSources(file, `${path}${path ? '.' : ''}${i}`, v));
      return;
    }
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'sources' && Array.isArray(v)) {
          v.forEach((ref: SourceRefSeed, i) => {
            const at = `${path}${path ? '.' : ''}sources.${i}`;
            if (!sourceKeys.has(ref.key))
              problems.push({
                file,
                path: `${at}.key`,
                message: `unknown source "${ref.key}" (add it to a sources file)`,
              });
            else checkLocator(file, at, ref);
          });
        } else walkSources(file, `${path}${path ? '.' : ''}${k}`, v);
      }
    }
  };
  for (const [list, items] of [
    ['eras', o.eras],
    ['regions', o.regions],
    ['states', o.states],
    ['threats', o.threats],
    ['perceptions', o.extraPerceptions],
  ] as const) {
    for (const item of items as Origin<object>[]) {
      const { file, index, ...rest } = item;
      walkSources(file, `${list}.${index}`, rest);
    }
  }

  for (const e of o.eras)
    if (e.end < e.start) problems.push({ file: e.file, path: `eras.${e.index}`, message: 'end before start' });
  for (const t of o.threats) {
    const at = `threats.${t.index}`;
    t.posedBy.forEach((c, j) => {
      if (!ccodes.has(c))
        problems.push({ file: t.file, path: `${at}.posedBy.${j}`, message: `ccode ${c} is not in a states file` });
    });
    t.perceivedBy.forEach((p, j) => {
      if (!ccodes.has(p.ccode))
        problems.push({
          file: t.file,
          path: `${at}.perceivedBy.${j}.ccode`,
          message: `ccode ${p.ccode} is not in a states file`,
        });
      if (p.to && p.to < p.from)
        problems.push({ file: t.file, path: `${at}.perceivedBy.${j}`, message: 'to before from' });
    });
  }
  for (const p of o.extraPerceptions) {
    if (!ccodes.has(p.ccode))
      problems.push({
        file: p.file,
        path: `perceptions.${p.index}.ccode`,
        message: `ccode ${p.ccode} is not in a states file`,
      });
    if (p.to && p.to < p.from)
      problems.push({ file: p.file, path: `perceptions.${p.index}`, message: 'to before from' });
  }

  for (const n of d.negotiations)
    checkNegotiation(n, { eraIds, regionIds, ccodes, threatIds, negotiationIds }, walkSources, problems);
  checkSecondCoding(d, { eraIds, regionIds, ccodes, threatIds, negotiationIds }, walkSources, problems);
}

interface Known {
  eraIds: Map<string, EraSeed>;
  regionIds: Set<string>;
  ccodes: Set<number>;
  threatIds: Set<string>;
  negotiationIds: Set<string>;
}

function checkNegotiation(
  n: NegotiationSeed,
  k: Known,
  walkSources: (file: string, path: string, node: unknown) => void,
  problems: SeedProblem[],
): void {
  const file = `negotiations/${n.id}.yaml`;
  const bad = (path: string, message: string) => problems.push({ file, path, message });
  walkSources(file, '', n);
  const state = (path: string, c: number) => {
    if (!k.ccodes.has(c)) bad(path, `ccode ${c} is not in a states file`);
  };
  const threat = (path: string, id: string | undefined) => {
    if (id !== undefined && !k.threatIds.has(id)) bad(path, `unknown threat "${id}"`);
  };
  const scope = (path: string, s: { regions: string[]; states: number[] } | undefined) => {
    s?.regions.forEach((r, i) => {
      if (!k.regionIds.has(r)) bad(`${path}.regions.${i}`, `unknown region "${r}" (add it to a regions file)`);
    });
    s?.states.forEach((c, i) => state(`${path}.states.${i}`, c));
  };
  const oldStyle = (path: string, record: Record<string, unknown> & { oldStyle?: Partial<Record<string, string>> }) => {
    for (const [field, julian] of Object.entries(record.oldStyle ?? {})) {
      const gregorian = record[field];
      if (typeof gregorian !== 'string') {
        bad(`${path}oldStyle.${field}`, `the record has no ${field} date`);
        continue;
      }
      const expected = toOldStyle(gregorian);
      if (julian !== expected)
        bad(`${path}oldStyle.${field}`, `Old Style of ${gregorian} (Gregorian) is ${expected}, not ${julian}`);
    }
  };

  if (n.end < n.start) bad('end', 'end before start');
  oldStyle('', n);
  const era = k.eraIds.get(n.era);
  if (!era) bad('era', `unknown era "${n.era}"`);
  else if (n.start < era.start || n.start > era.end)
    bad('era', `negotiation starts ${n.start}, outside era ${era.id} (${era.start}..${era.end})`);
  const parties = new Set(n.parties);
  if (parties.size !== n.parties.length) bad('parties', 'a party is listed twice');
  n.parties.forEach((c, i) => state(`parties.${i}`, c));
  n.thirdParties.forEach((t, i) => {
    state(`thirdParties.${i}.ccode`, t.ccode);
    if (parties.has(t.ccode)) bad(`thirdParties.${i}.ccode`, `${t.ccode} is a party, not a third party`);
  });
  n.rounds.forEach((r, i) => {
    if (r.start < n.start || r.start > n.end)
      bad(`rounds.${i}.start`, `round starts ${r.start}, outside the negotiation (${n.start}..${n.end})`);
    if (r.end && (r.end < r.start || r.end > n.end))
      bad(`rounds.${i}.end`, `round ends ${r.end}, outside ${r.start}..${n.end}`);
    oldStyle(`rounds.${i}.`, r);
  });
  const seqs = new Set<number>();
  n.rounds.forEach((r, i) => {
    if (seqs.has(r.sequence)) bad(`rounds.${i}.sequence`, `duplicate sequence ${r.sequence}`);
    seqs.add(r.sequence);
  });
  n.proposals.forEach((p, i) => {
    p.by.forEach((c, j) => {
      if (!parties.has(c)) bad(`proposals.${i}.by${p.by.length > 1 ? `.${j}` : ''}`, `${c} is not a party`);
    });
    if (new Set(p.by).size !== p.by.length) bad(`proposals.${i}.by`, 'a proposer is listed twice');
    p.to.forEach((c, j) => {
      if (!parties.has(c)) bad(`proposals.${i}.to.${j}`, `${c} is not a party`);
    });
    if (p.round !== undefined && !seqs.has(p.round)) bad(`proposals.${i}.round`, `no round ${p.round}`);
    if (p.date < n.start || p.date > n.end)
      bad(`proposals.${i}.date`, `proposal dated ${p.date}, outside the negotiation`);
    if (p.plan) {
      threat(`proposals.${i}.plan.target`, p.plan.target);
      scope(`proposals.${i}.plan.scope`, p.plan.scope);
    }
    oldStyle(`proposals.${i}.`, p);
  });
  const planKeys = new Set<string>();
  n.warPlans.forEach((w, i) => {
    const at = `warPlans.${i}`;
    if (!parties.has(w.party)) bad(`${at}.party`, `${w.party} is not a party`);
    threat(`${at}.target`, w.target);
    scope(`${at}.scope`, w.scope);
    if (w.fromRound !== undefined) {
      if (!seqs.has(w.fromRound)) bad(`${at}.fromRound`, `no round ${w.fromRound}`);
      if (w.fromRound === Math.min(...seqs))
        bad(`${at}.fromRound`, 'a plan held from the first round is the entry plan: omit fromRound');
    }
    const key = `${w.party}@${w.fromRound ?? 'entry'}`;
    if (planKeys.has(key))
      bad(at, `party ${w.party} has two IDEAL plans ${w.fromRound ? `from round ${w.fromRound}` : 'at entry'}`);
    planKeys.add(key);
    w.alternatives.forEach((a, j) => {
      threat(`${at}.alternatives.${j}.target`, a.target);
      scope(`${at}.alternatives.${j}.scope`, a.scope);
    });
  });
  const unknownPlans = new Set<number>();
  n.plansUnknown.forEach((u, i) => {
    if (!parties.has(u.party)) bad(`plansUnknown.${i}.party`, `${u.party} is not a party`);
    if (unknownPlans.has(u.party)) bad(`plansUnknown.${i}.party`, `${u.party} is listed twice`);
    if (n.warPlans.some((w) => w.party === u.party))
      bad(`plansUnknown.${i}.party`, `${u.party} has a war plan: a plan is coded or unknown, not both`);
    unknownPlans.add(u.party);
  });
  for (const c of parties)
    if (!planKeys.has(`${c}@entry`) && !unknownPlans.has(c))
      bad('warPlans', `party ${c} has no entry IDEAL war plan (one without fromRound) and is not in plansUnknown`);
  n.optionsNotDiscussed.forEach((x, i) => {
    if (!parties.has(x.party)) bad(`optionsNotDiscussed.${i}.party`, `${x.party} is not a party`);
    if (n.outsideOptions.some((o) => o.party === x.party))
      bad(`optionsNotDiscussed.${i}.party`, `${x.party} has a recorded outside option`);
  });
  if (n.startNotRecorded && (!n.treaty || n.start !== n.treaty.signed))
    bad('start', "startNotRecorded: the start is the treaty's signature");
  n.outsideOptions.forEach((x, i) => {
    const at = `outsideOptions.${i}`;
    if (!parties.has(x.party)) bad(`${at}.party`, `${x.party} is not a party`);
    if (x.ally !== undefined) {
      state(`${at}.ally`, x.ally);
      if (x.ally === x.party) bad(`${at}.ally`, 'a party is not its own alternative ally');
    }
    if (x.realisedIn !== undefined) {
      if (!k.negotiationIds.has(x.realisedIn)) bad(`${at}.realisedIn`, `unknown negotiation "${x.realisedIn}"`);
      if (x.realisedIn === n.id) bad(`${at}.realisedIn`, 'a negotiation is not its own outside option');
    }
    x.alternatives.forEach((a, j) => {
      if (a.ally !== undefined) state(`${at}.alternatives.${j}.ally`, a.ally);
    });
  });
  const info = OUTCOME_INFO[n.outcome];
  if (info.hasTreaty && !n.treaty) bad('treaty', `${n.outcome} needs its treaty`);
  if (!info.hasTreaty && n.treaty) bad('treaty', `${n.outcome} has no treaty`);
  if (n.treaty) {
    const t = n.treaty;
    if (t.signed < n.start) bad('treaty.signed', 'treaty signed before the negotiation started');
    if (t.ended && t.ended < t.signed) bad('treaty.ended', 'treaty ended before it was signed');
    t.members.forEach((c, i) => state(`treaty.members.${i}`, c));
    t.directedAgainst.forEach((id, i) => threat(`treaty.directedAgainst.${i}`, id));
    oldStyle('treaty.', t);
  }
}

/**
 * The second coding names sampled negotiations and their parties, one coding per party of every
 * sampled negotiation, with threats, states and sources of the record.
 */
function checkSecondCoding(
  d: SeedData,
  k: Known,
  walkSources: (file: string, path: string, node: unknown) => void,
  problems: SeedProblem[],
): void {
  const { sample, codings } = d.secondCoding;
  if (!sample) return;
  const sampleFile = 'second-coding/sample.yaml';
  const file = 'second-coding/coding.yaml';
  const byId = new Map(d.negotiations.map((n) => [n.id, n]));
  const sampled = new Set<string>();
  sample.keys.forEach((key, i) => {
    if (!k.negotiationIds.has(key))
      problems.push({ file: sampleFile, path: `keys.${i}`, message: `unknown negotiation "${key}"` });
    if (sampled.has(key)) problems.push({ file: sampleFile, path: `keys.${i}`, message: `"${key}" is listed twice` });
    sampled.add(key);
  });
  if (d.secondCoding.coder === null) return;
  const bad = (path: string, message: string) => problems.push({ file, path, message });
  const coded = new Set<string>();
  codings.forEach((c, i) => {
    const at = `codings.${i}`;
    walkSources(file, at, { sources: c.sources });
    const n = byId.get(c.negotiation);
    if (!n) return bad(`${at}.negotiation`, `unknown negotiation "${c.negotiation}"`);
    if (!sampled.has(c.negotiation)) bad(`${at}.negotiation`, `${c.negotiation} is not in the sample`);
    if (!n.parties.includes(c.party)) bad(`${at}.party`, `${c.party} is not a party of ${c.negotiation}`);
    const unit = `${c.negotiation}@${c.party}`;
    if (coded.has(unit)) bad(`${at}.party`, `party ${c.party} of ${c.negotiation} is coded twice`);
    coded.add(unit);
    if (typeof c.target === 'string' && !k.threatIds.has(c.target)) bad(`${at}.target`, `unknown threat "${c.target}"`);
    c.targetStates?.forEach((s, j) => {
      if (!k.ccodes.has(s)) bad(`${at}.targetStates.${j}`, `ccode ${s} is not in a states file`);
    });
  });
  for (const key of sampled)
    for (const party of byId.get(key)?.parties ?? [])
      if (!coded.has(`${key}@${party}`)) bad('codings', `party ${party} of sampled negotiation ${key} has no coding`);
}
