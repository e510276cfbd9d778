/**
 * What a Neo4j user would pick instead of this project: @neo4j/graphql 7 generating a GraphQL API
 * over the same database (each request compiled into one Cypher statement), served by Apollo
 * Server 5 on express 5 like the project, in production mode. Type definitions for the part of the
 * graph the comparison reads (graph/model.json: states, negotiations, rounds, proposals, treaties and
 * memberships). Reads NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD (NEO4J_DATABASE); prints `{"url": …}`
 * on one line when listening on a free loopback port. Used by scripts/benchNeo4jGraphql.ts.
 *
 * `GET /stats` answers `{"statements": N}`: the Cypher statements its requests have run so far
 * (each `run` in the transactions @neo4j/graphql opens), which the bench divides by its requests.
 */
import http from 'node:http';
import express from 'express';
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';

export const typeDefs = /* GraphQL */ `
  type State @node {
    ccode: Int!
    abbrev: String
    name: String
  }
  type Negotiation @node {
    id: String!
    name: String
    start: Date
    end: Date
    outcome: String
    parties: [State!]! @relationship(type: "PARTY_TO", direction: IN)
    rounds: [NegotiationRound!]! @relationship(type: "HAS_ROUND", direction: OUT)
    proposals: [Proposal!]! @relationship(type: "HAS_PROPOSAL", direction: OUT)
    treaty: [Treaty!]! @relationship(type: "PRODUCED", direction: OUT)
  }
  type NegotiationRound @node {
    id: String!
    sequence: Int
    start: Date
    end: Date
    place: String
  }
  type Proposal @node {
    id: String!
    sequence: Int
    date: Date
    obligations: [String!]
    response: String
  }
  type Membership @relationshipProperties {
    entry: Date
    exit: Date
    phase: Int
  }
  type Treaty @node {
    id: String!
    name: String
    signed: Date
    ended: Date
    members: [State!]! @relationship(type: "MEMBER_OF", direction: IN, properties: "Membership")
  }
`;

const driver = neo4j.driver(
  process.env.NEO4J_URI ?? 'neo4j://127.0.0.1:7687',
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
);

/** Statements run so far: every `run` on a session, or a transaction, that @neo4j/graphql opens. */
let statements = 0;
/** Counts each call of `target.run` (patched on the instance). */
function countRuns(target: { run: (...a: never[]) => unknown }): void {
  const run = target.run.bind(target) as (...a: unknown[]) => unknown;
  (target as { run: (...a: unknown[]) => unknown }).run = (...a) => {
    statements += 1;
    return run(...a);
  };
}
const openSession = driver.session.bind(driver);
driver.session = (...a: Parameters<Driver['session']>): Session => {
  const s = openSession(...a);
  countRuns(s);
  const executeRead = s.executeRead.bind(s);
  const executeWrite = s.executeWrite.bind(s);
  s.executeRead = (work, config) =>
    executeRead((tx: ManagedTransaction) => {
      countRuns(tx);
      return work(tx);
    }, config);
  s.executeWrite = (work, config) =>
    executeWrite((tx: ManagedTransaction) => {
      countRuns(tx);
      return work(tx);
    }, config);
  return s;
};

const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const apollo = new ApolloServer({ schema });
await apollo.start();
const app = express();
app.get('/stats', (_req, res) => {
  res.json({ statements });
});
const sessionConfig = process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : undefined;
app.use('/graphql', express.json(), expressMiddleware(apollo, { context: async () => ({ sessionConfig }) }));
const server = http.createServer(app);
await new Promise<void>((done) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', done));
console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql` }));
process.on('SIGTERM', () => {
  void driver.close().then(() => process.exit(0));
});
