/** The committed src/schema/schema.graphql is what the code builds (regenerate: npm run schema:emit). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printSchema } from 'graphql';
import { buildAppSchema } from '../../src/buildAppSchema.js';
import { projectRoot } from '../../src/paths.js';

describe('schema.graphql', () => {
  it('matches the schema the resolvers build', async () => {
    const committed = readFileSync(join(projectRoot, 'src', 'schema', 'schema.graphql'), 'utf8');
    expect(
      printSchema(await buildAppSchema()) + '\n',
      'schema.graphql is stale: run npm run schema:emit and commit it',
    ).toBe(committed);
  });
});
