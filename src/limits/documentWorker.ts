/**
 * The worker of ./offThreadDocuments.ts (a piscina task module): builds the schema once, from the
 * module the server names (`schemaModule`, a URL: limits/ does not import the resolvers), then parses
 * and validates each document it is sent with ./documentChecks.ts, the same parse options and rules
 * as the main thread, and answers with the verdict in plain data.
 */
import { threadId, workerData } from 'node:worker_threads';
import type { GraphQLSchema } from 'graphql';
import { checkDocument, type CheckOptions, type Verdict } from './documentChecks.js';

export interface DocumentWorkerData extends CheckOptions {
  /** URL of a module exporting `buildAppSchema(): Promise<GraphQLSchema>`. */
  schemaModule: string;
}

export interface DocumentTask {
  source: string;
}

/** The verdict, and the thread that reached it (tests check it is not the main one). */
export type DocumentTaskResult = Verdict & { threadId: number };

const options = workerData as DocumentWorkerData;
const schema: GraphQLSchema = await (
  (await import(options.schemaModule)) as { buildAppSchema(): Promise<GraphQLSchema> }
).buildAppSchema();

export default function check({ source }: DocumentTask): DocumentTaskResult {
  return { ...checkDocument(schema, source, options), threadId };
}
