#!/usr/bin/env node
/**
 * The build `npm start` (and `seed`, `import`, `export`) runs first: compiles to `dist/` only what
 * changed since the last build, so a start with no source change costs a few milliseconds.
 *
 * Stale files (a `src/**.ts` newer than `dist/.build-stamp`, or without its `.js`) are transpiled
 * file by file with esbuild (the transpiler vitest runs the suite with, pinned through tsx and
 * vitest; TypeScript's `transpileModule` if it is missing), with the tsconfig's options: no type
 * check and no decorator metadata, the semantics the whole test suite runs under. A change to a tsconfig
 * or package.json rebuilds everything. Type checking is `npm run typecheck` (and `npm run build`,
 * the full incremental `tsc` build); CI runs it.
 *
 *     node scripts/buildIfStale.mjs [--force] [--quiet]
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outRoot = join(root, 'dist');
const stamp = join(outRoot, '.build-stamp');
const args = process.argv.slice(2);
const quiet = args.includes('--quiet');

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const t0 = performance.now();
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const configs = ['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => join(root, f));
const all = args.includes('--force') || configs.some((f) => statSync(f).mtimeMs > built);
const outOf = (src) => join(outRoot, relative(root, src)).replace(/\.ts$/, '.js');
const sources = walk(join(root, 'src'));
const stale = all ? sources : sources.filter((f) => statSync(f).mtimeMs > built || !existsSync(outOf(f)));
if (!stale.length) process.exit(0);

const writtenAt = Date.now();
let esbuild = null;
try {
  esbuild = await import('esbuild');
} catch {
  /* not installed: TypeScript's transpiler below */
}
if (esbuild) {
  // esbuild (pinned through tsx and vitest): the transpiler the test runner uses; one file in, one out.
  await esbuild.build({
    entryPoints: stale,
    outbase: root,
    outdir: outRoot,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    tsconfig: join(root, 'tsconfig.build.json'),
    logLevel: 'warning',
  });
} else {
  const { default: ts } = await import('typescript');
  const { readFileSync } = await import('node:fs');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.build.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  const compilerOptions = { ...parsed.options, emitDecoratorMetadata: false, declaration: false, noEmit: false };
  for (const src of stale) {
    const out = outOf(src);
    const { outputText, sourceMapText } = ts.transpileModule(readFileSync(src, 'utf8'), {
      compilerOptions,
      fileName: src,
      reportDiagnostics: false,
    });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
    if (sourceMapText) writeFileSync(`${out}.map`, sourceMapText);
  }
}
writeFileSync(stamp, `${new Date(writtenAt).toISOString()}\n`);
if (!quiet)
  console.error(
    `build: ${stale.length} of ${sources.length} files compiled to dist/ in ${Math.round(performance.now() - t0)} ms`,
  );
