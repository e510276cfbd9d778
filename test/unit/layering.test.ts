/**
 * Dependencies run one way (issue 10, item 4): the import graph of src/**\/*.ts — every import,
 * `export … from`, type-only import and dynamic `import()` with a relative specifier, read with the
 * TypeScript compiler API — has no cycle, and the folders import only what their README allows.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

const srcDir = join(projectRoot, 'src');

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return listTs(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** Relative specifiers of one file's imports (static, type-only, re-exports, `import()`, `import x = require()`). */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      out.push(node.moduleSpecifier.text);
    else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    )
      out.push(node.moduleReference.expression.text);
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      out.push(node.arguments[0].text);
    else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    )
      out.push(node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out.filter((s) => s.startsWith('.'));
}

/** Relative specifiers of one file's imports that load code at run time (`import type` and `export type` left out). */
function runtimeSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && !node.importClause?.isTypeOnly)
      out.push(node.moduleSpecifier.text);
    if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      !node.isTypeOnly
    )
      out.push(node.moduleSpecifier.text);
  }
  return out.filter((s) => s.startsWith('.'));
}

/**
 * The pure modules of the analysis: functions of plain data, unit-tested without a store. At run time
 * they import only the domain, the errors' `invariant` and one another — never the store, the read
 * stage or a module that reads (types may come from anywhere).
 */
const PURE = [
  'src/analysis/agreementModel.ts',
  'src/analysis/bootstrap.ts',
  'src/analysis/compareOptions.ts',
  'src/analysis/compatibility.ts',
  'src/analysis/logisticModel.ts',
  'src/analysis/outsideOptions/scoreOptions.ts',
  'src/analysis/outsideOptions/types.ts',
  'src/analysis/portfolioSimilarity.ts',
  'src/analysis/reliability.ts',
];

/** The project file a relative specifier names (`./x.js` → `x.ts`, `./dir` → `dir/index.ts`). */
function resolveSpecifier(from: string, spec: string, files: Set<string>): string | undefined {
  const base = resolve(dirname(from), spec);
  const candidates = [base, base.replace(/\.(m?js)$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((c) => files.has(c));
}

const rel = (f: string): string => relative(projectRoot, f).split('\\').join('/');

/** src-relative path → the src-relative paths it imports (project files only). */
function importGraph(): Map<string, string[]> {
  const files = listTs(srcDir);
  const set = new Set(files);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const targets = specifiers(f)
      .map((s) => resolveSpecifier(f, s, set))
      .filter((t): t is string => t !== undefined);
    graph.set(rel(f), [...new Set(targets.map(rel))]);
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const strong = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) strong(v);
  return found;
}

/** The layer of a file: its folder under src/, or the file's own name for top-level files (`src/server.ts` → `server`). */
const layerOf = (path: string): string => {
  const parts = path.replace(/^src\//, '').split('/');
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.ts$/, '');
};

/**
 * What a layer may not import. `domain` and `errors` are allow-lists (everything else forbidden);
 * the others are deny-lists. Keep in step with each folder's README.md.
 */
interface Rule {
  layer: string;
  only?: string[];
  never?: string[];
  why: string;
}
const rules: Rule[] = [
  { layer: 'domain', only: [], why: 'the vocabulary imports nothing of the project' },
  { layer: 'errors', only: ['domain'], why: 'errors import only the domain' },
  {
    layer: 'store',
    never: [
      'reads',
      'loaders',
      'analysis',
      'resolvers',
      'schema',
      'seed',
      'import',
      'export',
      'web',
      'server',
      'release',
    ],
    why: 'the store knows nothing above it',
  },
  {
    layer: 'reads',
    only: ['domain', 'errors', 'store', 'pacer'],
    why: 'the read stage reads the store; it neither scores nor maps to GraphQL',
  },
  {
    layer: 'loaders',
    never: ['analysis', 'resolvers'],
    why: 'loaders read the store for analysis and resolvers, not the other way round',
  },
  {
    layer: 'analysis',
    never: ['resolvers', 'schema'],
    why: 'analysis works on a data interface, not on GraphQL classes',
  },
  {
    layer: 'schema',
    never: ['resolvers', 'loaders', 'analysis'],
    why: 'schema classes describe types; resolvers fill them',
  },
  {
    layer: 'release',
    never: ['resolvers', 'web', 'import', 'server'],
    why: 'the data package reads the graph as the API does, never through resolvers',
  },
];

/**
 * Files of a layer that alone may import another layer: the data package calls the analysis (and the
 * loaders it runs on) through one adapter, so that the analysis can change shape behind it.
 */
const gateways: { layer: string; to: string[]; only: string; why: string }[] = [
  {
    layer: 'release',
    to: ['analysis', 'loaders'],
    only: 'src/release/modelAdapter.ts',
    why: 'src/release calls the analysis through modelAdapter.ts only',
  },
];

/**
 * Known violations, each to be fixed by a move in a file owned elsewhere. Listed exactly: the test
 * also fails when one of them no longer occurs, so that it is struck from here.
 */
const knownViolations: { from: string; toLayer: string; fix: string }[] = [];
const isKnown = (from: string, to: string): boolean =>
  knownViolations.some((k) => k.from === from && k.toLayer === layerOf(to));

function violations(graph: Map<string, string[]>, known: boolean): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    const layer = layerOf(from);
    for (const rule of rules.filter((r) => r.layer === layer)) {
      for (const to of targets) {
        const target = layerOf(to);
        if (target === layer) continue;
        const bad = rule.only ? !rule.only.includes(target) : rule.never!.includes(target);
        if (bad && isKnown(from, to) === known) out.push(`${from} → ${to} (${rule.why})`);
      }
    }
  }
  return out.sort();
}

describe('layering of src/', () => {
  const graph = importGraph();

  it('reads the whole import graph', () => {
    expect(graph.size).toBeGreaterThan(50);
    // Sanity: type-only imports and re-exports count as edges.
    expect([...graph.values()].flat().length).toBeGreaterThan(graph.size);
  });

  it('has no import cycles (type-only imports included)', () => {
    expect(cycles(graph).map((c) => c.join(' ↔ '))).toEqual([]);
  });

  it('imports only in the allowed directions', () => {
    expect(violations(graph, false)).toEqual([]);
  });

  it('imports some layers through one gateway file only', () => {
    const out: string[] = [];
    for (const g of gateways)
      for (const [from, targets] of graph)
        if (layerOf(from) === g.layer && from !== g.only)
          for (const to of targets) if (g.to.includes(layerOf(to))) out.push(`${from} → ${to} (${g.why})`);
    expect(out).toEqual([]);
  });

  it('each known violation still occurs (strike it from knownViolations once fixed)', () => {
    const still = new Set(violations(graph, true).map((v) => v.split(' → ')[0]));
    expect(knownViolations.filter((k) => !still.has(k.from)).map((k) => `${k.from} → ${k.toLayer}`)).toEqual([]);
  });

  it('the pure modules of the analysis import, at run time, only the domain, the errors and one another', () => {
    const files = new Set(listTs(srcDir));
    const bad: string[] = [];
    for (const f of PURE) {
      const abs = join(projectRoot, f);
      expect(files.has(abs), f).toBe(true);
      for (const spec of runtimeSpecifiers(abs)) {
        const to = resolveSpecifier(abs, spec, files);
        if (!to) continue;
        const r = rel(to);
        if (!PURE.includes(r) && !['domain', 'errors'].includes(layerOf(r))) bad.push(`${f} → ${r}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('every folder of src/ has a README.md that states what it may import', () => {
    const folders = readdirSync(srcDir).filter((d) => statSync(join(srcDir, d)).isDirectory());
    const missing = folders.filter((d) => {
      try {
        return !/may import/i.test(readFileSync(join(srcDir, d, 'README.md'), 'utf8'));
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });
});
