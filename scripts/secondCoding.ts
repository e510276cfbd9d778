/**
 * The second coding's sample and blind briefs (seed/README.md, "Reliability").
 *
 *   npx tsx scripts/secondCoding.ts draw [--seed N] [--share 0.25]   writes seed/second-coding/sample.yaml
 *   npx tsx scripts/secondCoding.ts briefs <dir>                     writes one blind brief per sampled negotiation
 *   npx tsx scripts/secondCoding.ts disagreements                    lists the units on which the two codings disagree
 *
 * The draw is a seeded shuffle (mulberry32) of the negotiation ids in alphabetical order, the first
 * ceil(share × n) kept: anyone can repeat it. A brief gives the second coder the facts of a negotiation
 * (parties, dates, outcome, rounds, the treaty, third parties' roles, the works the record cites) and never
 * the first coding: no summary, notes, war plans, proposals, recorded options or plansUnknown.
 *
 * `disagreements` lists every pairable unit on which the two codings differ (negotiation, party, variable,
 * the first and the second value), with the resolution the negotiation's notes give it (docs/codebook.md
 * §20.5). The units are `secondCodingUnits`'s and the comparison is `disagreeingUnits`'s, the rule behind
 * the reliability figures.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { readSeedDir } from '../src/seed/readSeedDir.js';
import { seedDir } from '../src/paths.js';
import { disagreeingUnits } from '../src/analysis/reliability.js';
import { SECOND_CODING_VARIABLES, secondCodingUnits } from '../src/seed/secondCodingUnits.js';
import { resolutionsIn } from '../src/seed/secondCodingResolutions.js';

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const samplePath = join(seedDir, 'second-coding', 'sample.yaml');
const [command, ...rest] = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1]! : dflt;
};
const data = readSeedDir(seedDir);

if (command === 'draw') {
  const seed = Number(opt('seed', '20261207'));
  const share = Number(opt('share', '0.25'));
  const ids = data.negotiations.map((n) => n.id).sort();
  const random = mulberry32(seed);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  const keys = ids.slice(0, Math.ceil(share * ids.length)).sort();
  mkdirSync(join(seedDir, 'second-coding'), { recursive: true });
  writeFileSync(
    samplePath,
    stringify({ seed, share, frame: data.negotiations.length, drawn: new Date().toISOString().slice(0, 10), keys }),
  );
  console.log(`${keys.length} of ${data.negotiations.length} negotiations drawn (seed ${seed})`);
} else if (command === 'briefs') {
  const out = rest[0];
  if (!out) throw new Error('usage: secondCoding.ts briefs <dir>');
  const { keys } = parse(readFileSync(samplePath, 'utf8')) as { keys: string[] };
  const states = new Map(data.states.map((s) => [s.ccode, s.name]));
  const sources = new Map(data.sources.map((s) => [s.key, s]));
  const cited = (node: unknown, into: Set<string>): Set<string> => {
    if (Array.isArray(node)) node.forEach((v) => cited(v, into));
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) {
        if (k === 'sources' && Array.isArray(v)) v.forEach((r: { key: string }) => into.add(r.key));
        else cited(v, into);
      }
    return into;
  };
  mkdirSync(out, { recursive: true });
  for (const key of keys) {
    const n = data.negotiations.find((x) => x.id === key)!;
    const brief = {
      id: n.id,
      name: n.name,
      start: n.start,
      startPrecision: n.startPrecision,
      end: n.end,
      endPrecision: n.endPrecision,
      outcome: n.outcome,
      parties: n.parties.map((c) => ({ ccode: c, name: states.get(c) })),
      thirdParties: n.thirdParties.map((t) => ({ ccode: t.ccode, name: states.get(t.ccode), role: t.role })),
      rounds: n.rounds.map((r) => ({
        sequence: r.sequence,
        start: r.start,
        end: r.end,
        place: r.place,
        negotiators: r.negotiators,
      })),
      treaty: n.treaty
        ? { name: n.treaty.name, signed: n.treaty.signed, obligations: n.treaty.obligations, atopId: n.treaty.atopId }
        : null,
      works: [...cited(n, new Set())].sort().map((k) => {
        const s = sources.get(k)!;
        return `${k}: ${s.authors.join(', ')} (${s.year}). ${s.title}${s.publisher ? `. ${s.publisher}` : ''}`;
      }),
    };
    writeFileSync(join(out, `${key}.yaml`), stringify(brief));
  }
  console.log(`${keys.length} briefs written to ${out}`);
} else if (command === 'disagreements') {
  const states = new Map(data.states.map((s) => [s.ccode, s]));
  const notes = new Map(data.negotiations.map((n) => [n.id, n.notes]));
  const units = secondCodingUnits(data).flatMap((unit) =>
    SECOND_CODING_VARIABLES.map((variable) => ({ unit, variable })),
  );
  const rows = disagreeingUnits(units, ({ unit, variable }) => unit[variable]);
  // A target is a set of ccodes, `{220,255}`: shown with the states' abbreviations.
  const show = (value: string | null) =>
    value?.startsWith('{')
      ? `${value} (${
          value
            .slice(1, -1)
            .split(',')
            .filter(Boolean)
            .map((c) => states.get(Number(c))?.abbrev ?? c)
            .join(', ') || 'the party alone'
        })`
      : String(value);
  console.log('| negotiation | party | variable | first coding | second coding | resolution |');
  console.log('|---|---|---|---|---|---|');
  for (const { unit, variable } of rows) {
    const name = states.get(unit.party)?.name ?? String(unit.party);
    const found = resolutionsIn(notes.get(unit.negotiation)).filter((r) => r.party === name && r.variable === variable);
    const resolution = found.length === 1 ? (found[0]!.decision ?? 'malformed') : found.length ? 'several' : 'none';
    const [first, second] = unit[variable];
    console.log(
      `| ${unit.negotiation} | ${unit.party} ${name} | ${variable} | ${show(first)} | ${show(second)} | ${resolution} |`,
    );
  }
  for (const variable of SECOND_CODING_VARIABLES)
    console.log(`${variable}: ${rows.filter((r) => r.variable === variable).length} disagreeing units`);
} else {
  console.error('usage: secondCoding.ts draw [--seed N] [--share S] | briefs <dir> | disagreements');
  process.exit(2);
}
