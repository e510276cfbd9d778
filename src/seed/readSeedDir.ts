/**
 * Reads and validates the curated seed directory, without touching a store.
 *
 * All files are parsed and checked before anything is written, so that a bad file loads nothing:
 * the error names the file and the field path.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import {
  erasFile, negotiation, sourcesFile, statesFile, threatsFile,
  type EraSeed, type NegotiationSeed, type SourceSeed, type StateSeed, type ThreatSeed,
} from './seedFiles.schema.js';

export interface SeedData {
  sources: SourceSeed[];
  eras: EraSeed[];
  states: StateSeed[];
  threats: ThreatSeed[];
  negotiations: NegotiationSeed[];
}

/** One problem in one seed file; `path` is the field path inside the file (e.g. `rounds.0.start`). */
export interface SeedProblem { file: string; path: string; message: string }

export class SeedValidationError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    super(`seed is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
      problems.slice(0, 20).map((p) => `  ${p.file}${p.path ? ` at ${p.path}` : ''}: ${p.message}`).join('\n'));
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

/** Reads `dir` (the project's `seed/` by default), validates every file and every cross-reference. */
export function readSeedDir(dir: string): SeedData {
  const problems: SeedProblem[] = [];
  const need = (f: string) => {
    const p = join(dir, f);
    if (!existsSync(p)) problems.push({ file: f, path: '', message: 'file is missing' });
    return p;
  };
  const s = parseFile(dir, need('sources.yaml'), sourcesFile, problems);
  const e = parseFile(dir, need('eras.yaml'), erasFile, problems);
  const st = parseFile(dir, need('states.yaml'), statesFile, problems);
  const t = parseFile(dir, need('threats.yaml'), threatsFile, problems);
  const negDir = join(dir, 'negotiations');
  const negFiles = existsSync(negDir) ? readdirSync(negDir).filter((f) => f.endsWith('.yaml')).sort() : [];
  const negotiations: NegotiationSeed[] = [];
  for (const f of negFiles) {
    const n = parseFile(dir, join(negDir, f), negotiation, problems);
    if (n) {
      if (`${n.id}.yaml` !== f) problems.push({ file: `negotiations/${f}`, path: 'id', message: `id "${n.id}" must match the file name` });
      negotiations.push(n);
    }
  }
  if (problems.length) throw new SeedValidationError(problems);
  const data: SeedData = { sources: s!.sources, eras: e!.eras, states: st!.states, threats: t!.threats, negotiations };
  checkReferences(data, problems);
  if (problems.length) throw new SeedValidationError(problems);
  return data;
}

function duplicates<T>(items: T[], key: (t: T) => string | number): string[] {
  const seen = new Set<string | number>();
  const dup: string[] = [];
  for (const i of items) { const k = key(i); if (seen.has(k)) dup.push(String(k)); seen.add(k); }
  return dup;
}

/** Cross-file checks: every key referenced exists, dates are ordered, rounds lie inside their negotiation. */
function checkReferences(d: SeedData, problems: SeedProblem[]): void {
  const sourceKeys = new Set(d.sources.map((s) => s.key));
  const eraIds = new Map(d.eras.map((e) => [e.id, e]));
  const ccodes = new Set(d.states.map((s) => s.ccode));
  const threatIds = new Set(d.threats.map((t) => t.id));
  for (const k of duplicates(d.sources, (s) => s.key)) problems.push({ file: 'sources.yaml', path: 'sources', message: `duplicate key ${k}` });
  for (const k of duplicates(d.states, (s) => s.ccode)) problems.push({ file: 'states.yaml', path: 'states', message: `duplicate ccode ${k}` });
  for (const k of duplicates(d.threats, (s) => s.id)) problems.push({ file: 'threats.yaml', path: 'threats', message: `duplicate id ${k}` });
  const treatyIds = duplicates(d.negotiations.filter((n) => n.treaty), (n) => n.treaty!.id);
  for (const k of treatyIds) problems.push({ file: 'negotiations', path: 'treaty.id', message: `treaty id ${k} used by two negotiations` });

  const walkSources = (file: string, path: string, node: unknown): void => {
    if (Array.isArray(node)) { node.forEach((v, i) => walkSources(file, `${path}${path ? '.' : ''}${i}`, v)); return; }
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'sources' && Array.isArray(v)) {
          v.forEach((ref: { key: string }, i) => {
            if (!sourceKeys.has(ref.key)) problems.push({ file, path: `${path}${path ? '.' : ''}sources.${i}.key`, message: `unknown source "${ref.key}" (add it to sources.yaml)` });
          });
        } else walkSources(file, `${path}${path ? '.' : ''}${k}`, v);
      }
    }
  };
  walkSources('eras.yaml', 'eras', d.eras);
  walkSources('states.yaml', 'states', d.states);
  walkSources('threats.yaml', 'threats', d.threats);

  for (const e of d.eras) if (e.end < e.start) problems.push({ file: 'eras.yaml', path: e.id, message: 'end before start' });
  d.threats.forEach((t, i) => {
    t.posedBy.forEach((c, j) => { if (!ccodes.has(c)) problems.push({ file: 'threats.yaml', path: `threats.${i}.posedBy.${j}`, message: `ccode ${c} is not in states.yaml` }); });
    t.perceivedBy.forEach((p, j) => {
      if (!ccodes.has(p.ccode)) problems.push({ file: 'threats.yaml', path: `threats.${i}.perceivedBy.${j}.ccode`, message: `ccode ${p.ccode} is not in states.yaml` });
      if (p.to && p.to < p.from) problems.push({ file: 'threats.yaml', path: `threats.${i}.perceivedBy.${j}`, message: 'to before from' });
    });
  });

  for (const n of d.negotiations) {
    const file = `negotiations/${n.id}.yaml`;
    const bad = (path: string, message: string) => problems.push({ file, path, message });
    walkSources(file, '', n);
    if (n.end < n.start) bad('end', 'end before start');
    const era = eraIds.get(n.era);
    if (!era) bad('era', `unknown era "${n.era}"`);
    else if (n.start < era.start || n.start > era.end) bad('era', `negotiation starts ${n.start}, outside era ${era.id} (${era.start}..${era.end})`);
    const parties = new Set(n.parties);
    if (parties.size !== n.parties.length) bad('parties', 'a party is listed twice');
    n.parties.forEach((c, i) => { if (!ccodes.has(c)) bad(`parties.${i}`, `ccode ${c} is not in states.yaml`); });
    n.rounds.forEach((r, i) => {
      if (r.start < n.start || r.start > n.end) bad(`rounds.${i}.start`, `round starts ${r.start}, outside the negotiation (${n.start}..${n.end})`);
      if (r.end && (r.end < r.start || r.end > n.end)) bad(`rounds.${i}.end`, `round ends ${r.end}, outside ${r.start}..${n.end}`);
    });
    for (const k of duplicates(n.rounds, (r) => r.sequence)) bad('rounds', `duplicate sequence ${k}`);
    const seqs = new Set(n.rounds.map((r) => r.sequence));
    n.proposals.forEach((p, i) => {
      if (!parties.has(p.by)) bad(`proposals.${i}.by`, `${p.by} is not a party`);
      p.to.forEach((c, j) => { if (!parties.has(c)) bad(`proposals.${i}.to.${j}`, `${c} is not a party`); });
      if (p.round !== undefined && !seqs.has(p.round)) bad(`proposals.${i}.round`, `no round ${p.round}`);
      if (p.date < n.start || p.date > n.end) bad(`proposals.${i}.date`, `proposal dated ${p.date}, outside the negotiation`);
    });
    n.warPlans.forEach((w, i) => {
      if (!parties.has(w.party)) bad(`warPlans.${i}.party`, `${w.party} is not a party`);
      if (!threatIds.has(w.target)) bad(`warPlans.${i}.target`, `unknown threat "${w.target}"`);
    });
    for (const c of parties) if (!n.warPlans.some((w) => w.party === c && w.kind === 'IDEAL')) bad('warPlans', `party ${c} has no IDEAL war plan`);
    if (n.outcome === 'AGREEMENT' && !n.treaty) bad('treaty', 'an AGREEMENT needs its treaty');
    if (n.outcome === 'NONAGREEMENT' && n.treaty) bad('treaty', 'a NONAGREEMENT has no treaty');
    if (n.treaty) {
      const t = n.treaty;
      if (t.signed < n.start) bad('treaty.signed', 'treaty signed before the negotiation started');
      t.members.forEach((c, i) => { if (!ccodes.has(c)) bad(`treaty.members.${i}`, `ccode ${c} is not in states.yaml`); });
      t.directedAgainst.forEach((id, i) => { if (!threatIds.has(id)) bad(`treaty.directedAgainst.${i}`, `unknown threat "${id}"`); });
    }
  }
}
