/** Renders the README's example blocks from real responses (used by the script and the drift test). */
import { readExamples } from '../../src/web/explorer.js';
import { createTestApi } from './testApi.js';
import { seededEmbedded } from './testStore.js';

const BLOCK = /<!-- example:(\w+) -->[\s\S]*?<!-- \/example:\1 -->/g;

export async function renderExampleBlocks(readme: string): Promise<string> {
  const examples = new Map(readExamples().map((e) => [e.name, e]));
  const api = await createTestApi(await seededEmbedded());
  const rendered = new Map<string, string>();
  for (const m of readme.matchAll(BLOCK)) {
    const name = m[1]!;
    const example = examples.get(name);
    if (!example) throw new Error(`README.md shows example ${name}, which is not in src/web/examples.graphql`);
    const result = await api.run(example.query, example.variables ? JSON.parse(example.variables) as Record<string, unknown> : undefined);
    if (result.errors) throw new Error(`example ${name} failed: ${JSON.stringify(result.errors)}`);
    const vars = example.variables ? `\nVariables: \`${example.variables}\`\n` : '';
    rendered.set(name, `<!-- example:${name} -->\n\`\`\`graphql\n${example.query.trim()}\n\`\`\`\n${vars}\n\`\`\`json\n${JSON.stringify({ data: result.data }, null, 2)}\n\`\`\`\n<!-- /example:${name} -->`);
  }
  return readme.replace(BLOCK, (_all, name: string) => rendered.get(name)!);
}
