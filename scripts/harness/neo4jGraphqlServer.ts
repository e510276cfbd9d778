/**
 * What a Neo4j user would pick instead of this project: @neo4j/graphql 7 generating a GraphQL API
 * over the same database (each request compiled into one Cypher statement), served by Apollo
 * Server 5 on express 5 like the project, in production mode. Type definitions for the part of the
 * graph the comparison reads (graph/model.json: states, negotiations, rounds, proposals, treaties and
 * memberships). Reads NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD (NEO4J_DATABASE); prints `{"url": …}`
 * on one line when listening on a free loopback port. Used by scripts/benchNeo4jGraphql.ts.
 */
import http from 'node:http';
import express from 'express';
import neo4j from 'neo4j-driver';
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
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const apollo = new ApolloServer({ schema });
await apollo.start();
const app = express();
const sessionConfig = process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : undefined;
app.use('/graphql', express.json(), expressMiddleware(apollo, { context: async () => ({ sessionConfig }) }));
const server = http.createServer(app);
await new Promise<void>((done) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', done));
console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql` }));
process.on('SIGTERM', () => {
  void driver.close().then(() => process.exit(0));
});
