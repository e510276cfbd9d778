/**
 * The data package end to end (issue: the record as a citable data release). Built twice, once by
 * the CLI (`alliance-graph release`, as `npm run release` runs it on a fresh clone) and once in this
 * process on a store that returns unordered rows shuffled; then checked by clients nobody here wrote:
 * `frictionless validate` (0 errors), pandas with the declared types and pyarrow for the Parquet copy,
 * and against the API's own counts. The package is built once for the whole file.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAll } from '../../src/import/index.js';
import { publishedDir } from '../../src/openExecutor.js';
import { projectRoot } from '../../src/paths.js';
import { packageFolder } from '../../src/release/loadingSnippets.js';
import { PACKAGE_TABLES } from '../../src/release/packageTables.js';
import { writeRelease, type ReleaseSummary } from '../../src/release/writeRelease.js';
import { releaseInfo } from '../../src/releaseInfo.js';
import { loadSeed } from '../../src/seed/loadSeed.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import { python, pythonSkipReason, run, toolsRequired, type Run } from '../helpers/pythonTools.js';
import { createTestApi, type TestApi, type TestResult } from '../helpers/testApi.js';
import { emptyGrafeo } from '../helpers/testStore.js';

const release = releaseInfo();
const name = packageFolder(release);
const title = `the data package${pythonSkipReason ? ` — ${pythonSkipReason}` : ''}`;

if (pythonSkipReason && toolsRequired)
  describe('the data package', () => {
    it('needs frictionless, pandas and pyarrow on CI (.ci/run installs them)', () => {
      throw new Error(`CI=true but ${pythonSkipReason}`);
    });
  });

type CsvRow = Record<string, string>;
interface NegotiationsPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string };
  edges: {
    node: {
      key: string;
      parties: { ccode: number }[];
      rounds: { id: string }[];
      proposals: { id: string }[];
      thirdParties: { role: string }[];
    };
  }[];
}
const readCsv = (file: string): CsvRow[] =>
  parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as CsvRow[];

describe.skipIf(pythonSkipReason !== null)(title, () => {
  let fromCli: string;
  let inProcess: string;
  let cli: Run;
  let summary: ReleaseSummary;
  let ex: QueryExecutor;
  let api: TestApi;
  let validation: Promise<Run>;
  const table = (t: string) => readCsv(join(inProcess, name, `${t}.csv`));

  beforeAll(async () => {
    const outCli = mkdtempSync(join(tmpdir(), 'release-cli-'));
    const outHere = mkdtempSync(join(tmpdir(), 'release-here-'));
    const cliRun = run(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'release', '--out', outCli], {
      cwd: projectRoot,
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    ex = await emptyGrafeo();
    await loadSeed(ex);
    await importAll(ex, publishedDir);
    summary = await writeRelease(ex, { outDir: outHere });
    inProcess = outHere;
    fromCli = outCli;
    // The whole package, 956,145 dyad-years included: about two minutes; the other checks run meanwhile.
    validation = run(python, ['-m', 'frictionless', 'validate', '--json', join(outHere, name, 'datapackage.json')]);
    cli = await cliRun;
    api = await createTestApi(ex);
  }, 900_000);

  afterAll(async () => {
    await api?.apollo.stop();
  });

  it('`alliance-graph release` writes the folder and the zip; a build on another store gives the same bytes', () => {
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(`data package ${release.version} written`);
    expect(cli.stdout).toMatch(/negotiations: \d+ rows/);
    const files = readdirSync(join(inProcess, name)).sort();
    expect(files).toEqual(readdirSync(join(fromCli, name)).sort());
    expect(files).toEqual(
      expect.arrayContaining(['datapackage.json', 'codebook.md', 'CITATION.cff', 'LICENSE.md', 'README.md']),
    );
    for (const f of files)
      expect(readFileSync(join(fromCli, name, f)).equals(readFileSync(join(inProcess, name, f))), f).toBe(true);
    expect(readFileSync(join(fromCli, `${name}.zip`)).equals(readFileSync(join(inProcess, `${name}.zip`))), 'zip').toBe(
      true,
    );
  });

  it('frictionless validate reports the package valid: 0 errors, every resource checked', async () => {
    const r = await validation;
    const report = JSON.parse(r.stdout) as {
      valid: boolean;
      stats: { errors: number; tasks: number };
      tasks: { name: string; valid: boolean; errors: { message: string }[] }[];
    };
    const errors = report.tasks.flatMap((t) => t.errors.map((e) => `${t.name}: ${e.message}`));
    expect(errors.slice(0, 10)).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.stats.errors).toBe(0);
    const descriptor = JSON.parse(readFileSync(join(inProcess, name, 'datapackage.json'), 'utf8')) as {
      resources: { name: string }[];
    };
    expect(report.tasks.map((t) => t.name).sort()).toEqual(descriptor.resources.map((x) => x.name).sort());
  }, 600_000);

  it('pandas reads every table with its declared types, pyarrow the Parquet copy with the same values', async () => {
    const r = await run(python, [join(projectRoot, 'test', 'release', 'readWithPandas.py'), join(inProcess, name)]);
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, number>;
    for (const t of summary.tables) expect(rows[t.name], t.name).toBe(t.rows);
    expect(rows.dyad_years_parquet).toBe(rows.dyad_years);
    expect(Object.keys(rows).length).toBe(PACKAGE_TABLES.length + 1);
  }, 300_000);

  it("the negotiation and party counts (and the rounds, proposals, third parties) equal the API's", async () => {
    const seen: { key: string; parties: number[]; rounds: number; proposals: number; thirdParties: number }[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const r: TestResult<{ negotiations: NegotiationsPage }> = await api.run(
        `query($after: String) { negotiations(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor }
          edges { node { key parties { ccode } rounds { id } proposals { id } thirdParties { role } } } } }`,
        { after },
      );
      expect(r.errors).toBeUndefined();
      const page: NegotiationsPage = r.data!.negotiations;
      total = page.totalCount;
      for (const { node: n } of page.edges)
        seen.push({
          key: n.key,
          parties: n.parties.map((p) => p.ccode).sort((a, b) => a - b),
          rounds: n.rounds.length,
          proposals: n.proposals.length,
          thirdParties: n.thirdParties.length,
        });
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const negotiations = table('negotiations');
    expect(negotiations.length).toBe(total);
    expect(seen.length).toBe(total);
    const parties = table('negotiation_parties');
    expect(parties.length).toBe(seen.reduce((s, n) => s + n.parties.length, 0));
    const count = (rows: CsvRow[]) => {
      const m = new Map<string, number>();
      for (const r of rows) m.set(r.negotiation_id!, (m.get(r.negotiation_id!) ?? 0) + 1);
      return m;
    };
    const [rounds, proposals, thirds] = [
      count(table('rounds')),
      count(table('proposals')),
      count(table('third_parties')),
    ];
    const partiesOf = new Map<string, number[]>();
    for (const p of parties)
      partiesOf.set(p.negotiation_id!, [...(partiesOf.get(p.negotiation_id!) ?? []), Number(p.ccode)]);
    for (const n of seen) {
      expect(partiesOf.get(n.key), n.key).toEqual(n.parties);
      expect(rounds.get(n.key) ?? 0, n.key).toBe(n.rounds);
      expect(proposals.get(n.key) ?? 0, n.key).toBe(n.proposals);
      expect(thirds.get(n.key) ?? 0, n.key).toBe(n.thirdParties);
    }
  });

  it("the model's probability is the API's agreementLikelihood, and empty exactly where a party's plans are unknown", async () => {
    const negotiations = new Map(table('negotiations').map((n) => [n.negotiation_id!, n]));
    const byNegotiation = new Map(table('negotiation_parties').map((p) => [p.negotiation_id!, p]));
    let compared = 0;
    for (const [key, p] of byNegotiation) {
      const unknown = Number(negotiations.get(key)!.n_plans_unknown) > 0;
      expect(p.model_probability === '', key).toBe(unknown);
      if (unknown) continue;
      const r = await api.run<{ agreementLikelihood: { probability: number } }>(
        'query($n: ID!) { agreementLikelihood(negotiation: $n) { probability } }',
        { n: key },
      );
      expect(r.errors).toBeUndefined();
      expect(Number(p.model_probability), key).toBe(Math.round(r.data!.agreementLikelihood.probability * 1e6) / 1e6);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  }, 300_000);

  it('every citation names a fact of its table, and every cited source is in sources', () => {
    const ids = (t: string, column: string) => new Set(table(t).map((r) => r[column]));
    const negotiations = ids('negotiations', 'negotiation_id');
    const treaties = ids('negotiations', 'treaty_id');
    const facts: Record<string, Set<string | undefined>> = {
      negotiation: negotiations,
      target_at_table: negotiations,
      treaty: treaties,
      round: ids('rounds', 'round_id'),
      proposal: ids('proposals', 'proposal_id'),
      plan: ids('plans', 'plan_id'),
      outside_option: ids('outside_options', 'option_id'),
      third_party: new Set(table('third_parties').map((t) => `${t.negotiation_id}-third_party-${t.ccode}`)),
      plans_unknown: new Set(
        table('negotiation_parties')
          .filter((p) => p.plan_known === '0')
          .map((p) => `${p.negotiation_id}-plans_unknown-${p.ccode}`),
      ),
      options_not_discussed: new Set(
        table('negotiation_parties')
          .filter((p) => p.options_not_discussed === '1')
          .map((p) => `${p.negotiation_id}-options_not_discussed-${p.ccode}`),
      ),
    };
    const citations = table('citations');
    const missing = citations
      .filter((c) => !facts[c.fact_type!]?.has(c.fact_id))
      .map((c) => `${c.fact_type} ${c.fact_id}`);
    expect(missing).toEqual([]);
    // Every plan and option has its references (a proposed plan cites its proposal's).
    const cited = new Set(citations.map((c) => c.fact_id));
    expect(
      table('plans')
        .filter((p) => p.kind === 'IDEAL' && !cited.has(p.plan_id))
        .map((p) => p.plan_id),
    ).toEqual([]);
    expect(
      table('outside_options')
        .filter((o) => !cited.has(o.option_id))
        .map((o) => o.option_id),
    ).toEqual([]);
    expect(citations.some((c) => c.document !== '')).toBe(true);
    expect(citations.some((c) => c.seen_at !== '')).toBe(true);
    expect(citations.some((c) => c.chapter_title !== '')).toBe(true);
  });

  it('carries the release: version, date and citation in datapackage.json, CITATION.cff and the zip', async () => {
    const descriptor = JSON.parse(readFileSync(join(inProcess, name, 'datapackage.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(descriptor).toMatchObject({
      name: release.name,
      version: release.version,
      created: `${release.date}T00:00:00Z`,
      citation: release.citation,
      licenses: [{ name: release.license }],
    });
    expect(readFileSync(join(inProcess, name, 'CITATION.cff'), 'utf8')).toBe(
      readFileSync(join(projectRoot, 'CITATION.cff'), 'utf8'),
    );
    expect(readFileSync(join(inProcess, name, 'README.md'), 'utf8')).toContain(release.citation);
    const codebook = readFileSync(join(inProcess, name, 'codebook.md'), 'utf8');
    expect(codebook).toContain('## 22. The data package');
    for (const d of table('data_sets')) expect(codebook).toContain(d.citation);
    const zip = await run(python, [
      '-c',
      'import sys, zipfile, json; z = zipfile.ZipFile(sys.argv[1]); print(json.dumps([[i.filename, list(i.date_time)] for i in z.infolist()]))',
      join(inProcess, `${name}.zip`),
    ]);
    expect(zip.status, zip.stderr).toBe(0);
    const entries = JSON.parse(zip.stdout) as [string, number[]][];
    const [y, m, d] = release.date.split('-').map(Number);
    expect(entries.map((e) => e[0]).sort()).toEqual(
      readdirSync(join(inProcess, name))
        .map((f) => `${name}/${f}`)
        .sort(),
    );
    for (const [, date] of entries) expect(date).toEqual([y, m, d, 0, 0, 0]);
  });

  it('the pandas lines of docs/release.md run on the package', async () => {
    const doc = readFileSync(join(projectRoot, 'docs', 'release.md'), 'utf8');
    const block = /pandas \(these lines run[^\n]*\n\n```python\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const checks = [
      `assert len(negotiations) == ${summary.tables.find((t) => t.name === 'negotiations')!.rows}`,
      `assert len(party_level) == ${summary.tables.find((t) => t.name === 'negotiation_parties')!.rows}`,
      `assert len(dyads) == ${summary.tables.find((t) => t.name === 'dyad_years')!.rows}`,
      'assert str(negotiations["start"].dtype).startswith("datetime64")',
      'print("ok")',
    ].join('\n');
    const r = await run(python, ['-'], { cwd: inProcess, input: `${block}\n${checks}\n` });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('ok');
  });
});
