/** Builds the executable GraphQL schema from the type-graphql classes. */
import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { StateResolver } from '../resolvers/state.resolver.js';
import { NegotiationResolver } from '../resolvers/negotiation.resolver.js';
import { NegotiationRoundResolver } from '../resolvers/negotiationRound.resolver.js';
import { ProposalResolver } from '../resolvers/proposal.resolver.js';
import { WarPlanResolver } from '../resolvers/warPlan.resolver.js';
import { TreatyResolver } from '../resolvers/treaty.resolver.js';
import { TreatyMembershipResolver } from '../resolvers/treatyMembership.resolver.js';
import { ThreatResolver } from '../resolvers/threat.resolver.js';
import { PerceptionResolver } from '../resolvers/perception.resolver.js';
import { EraResolver } from '../resolvers/era.resolver.js';
import { NodeResolver } from '../resolvers/node.resolver.js';

export const resolvers = [
  StateResolver, NegotiationResolver, NegotiationRoundResolver, ProposalResolver, WarPlanResolver, TreatyResolver,
  TreatyMembershipResolver, ThreatResolver, PerceptionResolver, EraResolver, NodeResolver,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** The schema is built once per process: type-graphql's metadata is global. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({ resolvers, validate: false });
  return cached;
}
