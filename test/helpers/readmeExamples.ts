/**
 * Renders the example blocks of README.md and docs/*.md from real responses (used by the script and
 * the drift test), on what `npm start` serves: the curated record and the published data sets.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readExamples } from '../../src/web/explorer.js';
import { projectRoot } from '../../src/paths.js';
import { createTestApi, testLimits, type TestApi } from './testApi.js';
import { seededAndImported } from './fullGraph.js';

/** An example block: `<!-- example:Name -->` … `<!-- /example:Name -->`. */
const BLOCK = /<!-- (example):(\w+) -->[\s\S]*?<!-- \/\1:\2 -->/g;

/** The documents that show examples: the README and the pages of docs/. */
export const exampleDocuments = (): string[] => [
  join(projectRoot, 'README.md'),
  ...readdirSync(join(projectRoot, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(projectRoot, 'docs', f)),
];

let shared: Promise<TestApi> | undefined;
/** One API on the whole record for every document rendered in a process. */
const fullApi = () =>
  (shared ??= seededAndImported().then((ex) => createTestApi(ex, { ...testLimits, maxCost: 100_000 })));

export async function renderExampleBlocks(readme: string): Promise<string> {
  const examples = new Map(readExamples().map((e) => [e.name, e]));
  const rendered = new Map<string, string>();
  for (const m of readme.matchAll(BLOCK)) {
    const kind = m[1]!;
    const name = m[2]!;
    const api = await fullApi();
    const example = examples.get(name);
    if (!example) throw new Error(`README.md shows example ${name}, which is not in src/web/examples.graphql`);
    const result = await api.run(
      example.query,
      example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : undefined,
    );
    if (result.errors) throw new Error(`example ${name} failed: ${JSON.stringify(result.errors)}`);
    const vars = example.variables ? `\nVariables: \`${example.variables}\`\n` : '';
    rendered.set(
      `${kind}:${name}`,
      `<!-- ${kind}:${name} -->\n\`\`\`graphql\n${example.query.trim()}\n\`\`\`\n${vars}\n\`\`\`json\n${compactJson({ data: result.data })}\n\`\`\`\n<!-- /${kind}:${name} -->`,
    );
  }
  return readme.replace(BLOCK, (_all, kind: string, name: string) => rendered.get(`${kind}:${name}`)!);
}

/** JSON with nesting shown by indentation, but any value that fits on one line kept on one line. */
export function compactJson(value: unknown, indent = '', width = 100): string {
  const flat = JSON.stringify(value);
  if (flat === undefined) return 'null';
  if (flat.length + indent.length <= width || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value))
    return `[\n${value.map((v) => inner + compactJson(v, inner, width)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner, width)}`).join(',\n')}\n${indent}}`;
}
