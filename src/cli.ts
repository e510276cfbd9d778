#!/usr/bin/env node
/**
 * The one command-line entry (commander): `serve`, `seed`, `import`, `export`, `release`.
 * `npm start` runs `serve`; `npm run seed`, `npm run import -- ...`, `npm run export -- ...`, `npm run release` the others.
 */
import './loadDotEnv.js';
import 'reflect-metadata';
import './productionDefault.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';
import { importPublished, openExecutor, openForServing } from './openExecutor.js';
import { startServer } from './server.js';
import { AppError, StoreLockedError } from './errors/index.js';
import { projectRoot } from './paths.js';
import { EXPORT_NAMES, OPTIONS_SERIES } from './export/formats.js';
import type { Writable } from 'node:stream';
import type { QueryExecutor } from './store/QueryExecutor.js';

function fail(e: unknown): never {
  // The seed modules (yaml, zod) load only when seeding: a warm `serve` never needs them.
  if (e instanceof StoreLockedError) console.error(lockedMessage(e));
  else if (e instanceof Error && e.name === 'SeedValidationError') console.error(e.message);
  else if (e instanceof AppError) console.error(`error: ${e.message}`);
  else if (process.env.DEV_ERRORS === '1') console.error(e);
  else console.error(`error: ${e instanceof Error ? e.message : String(e)} (DEV_ERRORS=1 shows the stack)`);
  process.exit(1);
}

function config(): Config {
  try {
    return loadConfig();
  } catch (e) {
    console.error(`configuration error: ${(e as Error).message}`);
    process.exit(2);
  }
}

/**
 * One line saying what to do when the embedded store is held by another process: a write command
 * (seed, import, a start that must load data) beside a running server, or an export while data is
 * being written.
 */
function lockedMessage(e: StoreLockedError): string {
  const command = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? 'serve';
  if (e.readOnly)
    return `${command}: the store ${e.file} is being written (an import, a seed or a server loading data): run this again when that has finished`;
  return `${command}: the store ${e.file} is in use by a running server (or another command): stop the server (Ctrl-C) and run this again, or point DATA_DIR elsewhere; exports work beside a running server`;
}

// `serve` runs when no command is given, but not in place of an unknown one: commander would hand
// the unknown word to `serve` as an argument ("too many arguments for 'serve'"), not name it.
const noCommand = !process.argv.slice(2).some((a) => !a.startsWith('-'));

const program = new Command()
  .name('alliance-graph')
  .description('GraphQL knowledge graph of alliance treaty negotiations, 1815–1949 (and the data sets around them).')
  .version(
    (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version,
    '-V, --version',
    'print the version',
  )
  .showSuggestionAfterError();

program
  .command('serve', { isDefault: noCommand })
  .description(
    'start the GraphQL server and explorer (loads the curated seed into an empty store, then imports the published data sets of seed/published/ not yet loaded: DATA_SETS)',
  )
  .action(async () => {
    const cfg = config();
    const logger = createLogger(cfg.logLevel);
    let executor;
    try {
      executor = await openForServing(cfg, logger);
    } catch (e) {
      fail(e);
    }
    let server;
    try {
      server = await startServer({
        executor,
        limits: cfg.limits,
        policy: cfg.server,
        logger,
        port: cfg.port,
        host: cfg.host,
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        console.error(
          `error: port ${cfg.port} on ${cfg.host} is already in use: stop the other server or set PORT to a free port`,
        );
      else if (code === 'EACCES')
        console.error(`error: no permission to listen on ${cfg.host}:${cfg.port}: choose a PORT above 1023`);
      else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
        console.error(`error: cannot listen on HOST ${cfg.host}: no such local address`);
      else {
        await executor.store.close().catch(() => undefined);
        fail(e);
      }
      await executor.store.close().catch(() => undefined);
      process.exit(1);
    }
    console.log(
      `\n  Explorer: ${server.url}\n  GraphQL:  ${server.url}graphql\n  Store:    ${cfg.store}${cfg.store === 'embedded' ? ` (${cfg.dataDir})` : ` (${cfg.neo4j.uri})`}\n`,
    );
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      const force = setTimeout(() => {
        logger.error('shutdown took over 10 s: exiting');
        process.exit(1);
      }, 10_000);
      force.unref();
      await server.stop();
      await executor.store.close();
      logger.info('stopped');
      process.exit(0);
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
  });

program
  .command('seed')
  .description('load the curated seed (idempotent: loading twice changes no counts)')
  .option('--dir <dir>', 'seed directory', undefined)
  .action(async (opts: { dir?: string }) => {
    const cfg = config();
    try {
      const executor = await openExecutor(cfg);
      const { loadSeed } = await import('./seed/loadSeed.js');
      const summary = await loadSeed(executor, opts.dir);
      console.log(
        `seed loaded in ${summary.ms} ms: ${summary.negotiations} negotiations, ${summary.treaties} treaties, ${summary.threats} threats, ${summary.states} states, ${summary.eras} eras, ${summary.sources} sources`,
      );
      await executor.store.close();
    } catch (e) {
      fail(e);
    }
  });

program
  .command('import')
  .description('import a published data set (see `import --help`)')
  .argument('<dataset>', 'atop | cow-states | nmc | mid | cow-wars | cdb90 | rivalries | threat | all')
  .argument('<path>', 'file or directory holding the data set (.csv or .csv.gz files)')
  .option('--force', 'import even when the graph records the same files (same sha256) as loaded')
  .action(async (dataset: string, path: string, opts: { force?: boolean }) => {
    const {
      importAll,
      importDataset,
      isDatasetName,
      barProgress,
      formatSummary,
      formatAllSummary,
      ImportFileError,
      DatasetNotFoundError,
    } = await import('./import/index.js');
    if (dataset !== 'all' && !isDatasetName(dataset)) {
      console.error(`import: unknown data set ${JSON.stringify(dataset)}`);
      process.exit(2);
    }
    const cfg = config();
    try {
      const executor = await openExecutor(cfg);
      const progress = barProgress();
      const t0 = performance.now();
      const report =
        dataset === 'all'
          ? formatAllSummary(await importAll(executor, path, { progress, force: opts.force }))
          : formatSummary(await importDataset(executor, dataset, path, { progress, force: opts.force }));
      console.log(
        `${report}\nwall time ${((performance.now() - t0) / 1000).toFixed(2)} s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
      );
      await executor.store.close();
    } catch (e) {
      if (e instanceof ImportFileError || e instanceof DatasetNotFoundError) {
        console.error(`import failed, nothing written for this data set: ${e.message}`);
        process.exit(1);
      }
      fail(e);
    }
  });

program
  .command('release')
  .description(
    'write the data package of the record (Frictionless: a CSV per table with datapackage.json, the codebook, CITATION.cff, sources as BibTeX and CSL-JSON, the dyad-years 1816–2018 as CSV and Parquet) into <out>/<name>-<version>/ and <out>/<name>-<version>.zip; built on a fresh in-memory graph of seed/ and the published data sets of seed/published/, so it depends on the files of the checkout only',
  )
  .option('--out <dir>', 'the folder to write into', 'release')
  .action(async (opts: { out: string }) => {
    try {
      const t0 = performance.now();
      const executor = await freshRecordExecutor();
      const { writeRelease } = await import('./release/writeRelease.js');
      const summary = await writeRelease(executor, {
        outDir: opts.out,
        onStep: (step) => console.error(`release: ${step} (${((performance.now() - t0) / 1000).toFixed(1)} s)`),
      });
      await executor.store.close();
      console.log(
        [
          `data package ${summary.version} written in ${((performance.now() - t0) / 1000).toFixed(1)} s:`,
          `  ${summary.folder}/`,
          `  ${summary.zip}`,
          ...summary.tables.map((t) => `  ${t.name}: ${t.rows} rows`),
        ].join('\n'),
      );
    } catch (e) {
      fail(e);
    }
  });

/** The graph of the checkout's record alone: an in-memory store, the curated seed, every shipped published data set. */
async function freshRecordExecutor(): Promise<QueryExecutor> {
  const [{ GrafeoStore }, { applySchema }, { CypherRegistry }, { QueryExecutor }, { loadSeed }, { DATASET_NAMES }] =
    await Promise.all([
      import('./store/GrafeoStore.js'),
      import('./store/applySchema.js'),
      import('./store/CypherRegistry.js'),
      import('./store/QueryExecutor.js'),
      import('./seed/loadSeed.js'),
      import('./import/types.js'),
    ]);
  const store = GrafeoStore.open();
  await applySchema(store);
  const executor = new QueryExecutor(store, CypherRegistry.load());
  await loadSeed(executor);
  await importPublished(executor, DATASET_NAMES);
  return executor;
}

program
  .command('export')
  .description(
    "export the graph (GEXF, GraphML, Cytoscape JSON, dyad-year CSV, ATOP state-year CSV) or a state's outside options over time (options-series CSV)",
  )
  .argument('<format>', EXPORT_NAMES.join(' | '))
  .option('--at <date>', 'one day YYYY-MM-DD (YYYY or YYYY-MM: the first day of that year or month)')
  .option('--from <date>', 'start of a range (gexf: dynamic; dyad-year, state-year: first year)')
  .option(
    '--to <date>',
    'end of a range, inclusive (a year means its last day; gexf: dynamic; dyad-year, state-year: last year)',
  )
  .option(
    '--negotiations <years>',
    'add the negotiation layer: negotiations of the N years up to --at; with a range, true',
  )
  .option(
    '--directed',
    "dyad-year: both orders of every dyad, each with ccode1's own obligations toward ccode2 (ATOP's directed dyad-year rules)",
  )
  .option(
    '--state <ccode>',
    'options-series: the state (COW ccode); --from/--to are years (default: the years of the alliance data, 1815-2018 with ATOP 5.1)',
  )
  .option('--step <step>', 'options-series: YEAR (default) or ERA')
  .option(
    '--out <file>',
    'write to this file instead of standard output; a folder: to the file named after the export and the record release in it (dyad-years-1816-1949-v1.0.0.csv)',
  )
  .action(
    async (
      format: string,
      opts: {
        at?: string;
        from?: string;
        to?: string;
        negotiations?: string;
        directed?: boolean;
        state?: string;
        step?: string;
        out?: string;
      },
    ) => {
      if (format === OPTIONS_SERIES) return exportOptionsSeries(opts);
      const { exportFileName, parseExportRequest, runExport } = await import('./export/index.js');
      let request;
      try {
        request = parseExportRequest(format, {
          at: opts.at,
          from: opts.from,
          to: opts.to,
          negotiations: opts.negotiations,
          directed: opts.directed ? 'true' : undefined,
        });
      } catch (e) {
        console.error(`export: ${(e as Error).message}`);
        process.exit(2);
      }
      await writeExport(
        format,
        opts.out,
        (executor, out, options) => runExport(executor, request, out, options),
        exportFileName(request),
      );
    },
  );

/**
 * Opens the configured store read-only (so an export runs beside a server on the same DATA_DIR),
 * writes one export to `--out` (then says where, in how long) or to standard output (a reader that
 * stops early, `| head`, is not an error), and closes the store. `--out` is read from the folder the
 * command was typed in (npm runs scripts in the project root and says where it started in
 * INIT_CWD), as a shell redirection would be; naming an existing folder writes `fileName` (the
 * export's name with the record's release) in it, and a missing folder of a file path is created.
 */
async function writeExport(
  name: string,
  outArg: string | undefined,
  write: (executor: QueryExecutor, out: Writable, options: { end: boolean }) => Promise<void>,
  fileName: string,
): Promise<void> {
  try {
    const executor = await openExecutor(config(), undefined, { readOnly: true });
    const { createWriteStream, mkdirSync, statSync } = await import('node:fs');
    const { dirname, join, resolve } = await import('node:path');
    const asked = outArg === undefined ? undefined : resolve(process.env.INIT_CWD ?? process.cwd(), outArg);
    const path = asked && statSync(asked, { throwIfNoEntry: false })?.isDirectory() ? join(asked, fileName) : asked;
    let out: Writable = process.stdout;
    if (path) {
      mkdirSync(dirname(path), { recursive: true });
      out = createWriteStream(path);
    }
    const failed = new Promise<never>((_, reject) =>
      out.on('error', (e: NodeJS.ErrnoException) => {
        if (!path && e.code === 'EPIPE') process.exit(0);
        reject(path ? new Error(`cannot write ${path}: ${e.message}`) : e);
      }),
    );
    const t0 = performance.now();
    await Promise.race([write(executor, out, { end: Boolean(path) }), failed]);
    if (path) console.error(`export: ${name} written to ${path} in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    await executor.store.close();
  } catch (e) {
    fail(e);
  }
}

/** `export options-series --state 200 [--from 1945 --to 2018 --step YEAR|ERA] [--out file]`: a state's outside options over time, CSV. */
async function exportOptionsSeries(opts: {
  at?: string;
  from?: string;
  to?: string;
  state?: string;
  step?: string;
  out?: string;
}): Promise<void> {
  const { optionsSeriesFileName, parseOptionsSeriesRequest, writeOptionsSeriesCsv } =
    await import('./export/optionsSeries.export.js');
  const { checkSeriesQuery } = await import('./analysis/outsideOptions/index.js');
  let args;
  try {
    if (opts.at !== undefined) throw new Error('options-series takes --from and --to (years), not --at');
    args = parseOptionsSeriesRequest({ state: opts.state, from: opts.from, to: opts.to, step: opts.step });
    checkSeriesQuery(args);
  } catch (e) {
    console.error(`export: ${(e as Error).message}`);
    process.exit(2);
  }
  await writeExport(
    'options-series',
    opts.out,
    async (executor, out, options) => {
      await writeOptionsSeriesCsv(executor, args, out, options);
    },
    optionsSeriesFileName(args),
  );
}

program.parseAsync().catch(fail);
