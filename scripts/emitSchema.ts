/** Writes src/schema/schema.graphql from the resolvers (checked by test/drift/schemaSnapshot). */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { buildAppSchema } from '../src/buildAppSchema.js';
import { projectRoot } from '../src/paths.js';

const file = join(projectRoot, 'src', 'schema', 'schema.graphql');
writeFileSync(file, printSchema(await buildAppSchema()) + '\n');
console.log(`wrote ${file}`);
