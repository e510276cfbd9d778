/** Builds the executable GraphQL schema from the type-graphql classes. */
import 'reflect-metadata';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { AllyResolver, StateResolver } from './resolvers/state.resolver.js';
import { AnalysisResolver } from './resolvers/analysis.resolver.js';
import {
  AgreementResolver,
  ModelInfoResolver,
  NegotiationAgreementResolver,
  PartyOutsideOptionResolver,
  PartyPlanInfoResolver,
  SimilarCaseResolver,
} from './resolvers/agreement.resolver.js';
import {
  AlternativeAllyResolver,
  BuckCatcherResolver,
  OutsideOptionsResolver,
  ReasonResolver,
  SharedTargetResolver,
  TargetEvidenceResolver,
} from './resolvers/analysisObjects.resolver.js';
import { NegotiationResolver } from './resolvers/negotiation.resolver.js';
import { NegotiationRoundResolver } from './resolvers/negotiationRound.resolver.js';
import { ProposalResolver } from './resolvers/proposal.resolver.js';
import { WarPlanResolver } from './resolvers/warPlan.resolver.js';
import { TreatyResolver } from './resolvers/treaty.resolver.js';
import { TreatyMembershipResolver } from './resolvers/treatyMembership.resolver.js';
import { ThreatResolver } from './resolvers/threat.resolver.js';
import { PerceptionResolver } from './resolvers/perception.resolver.js';
import { EraResolver } from './resolvers/era.resolver.js';
import { NodeResolver } from './resolvers/node.resolver.js';
import { DataSetResolver } from './resolvers/dataSet.resolver.js';
import { NegotiationPartyResolver } from './resolvers/negotiationParty.resolver.js';
import {
  OptionComparisonResolver,
  OptionsNotDiscussedResolver,
  PlanUnknownResolver,
  RecordedOutsideOptionResolver,
  ThirdPartyResolver,
} from './resolvers/coding.resolver.js';
import { SecondCodingResolver } from './resolvers/secondCoding.resolver.js';
import { CitationResolver, SourceResolver } from './resolvers/source.resolver.js';
import { ScopeResolver } from './resolvers/warPlan.resolver.js';
import { ReleaseResolver } from './resolvers/release.resolver.js';

export const resolvers = [
  StateResolver,
  NegotiationResolver,
  NegotiationRoundResolver,
  ProposalResolver,
  WarPlanResolver,
  TreatyResolver,
  TreatyMembershipResolver,
  ThreatResolver,
  PerceptionResolver,
  EraResolver,
  NodeResolver,
  AllyResolver,
  AnalysisResolver,
  TargetEvidenceResolver,
  SharedTargetResolver,
  ReasonResolver,
  AlternativeAllyResolver,
  BuckCatcherResolver,
  OutsideOptionsResolver,
  AgreementResolver,
  NegotiationAgreementResolver,
  ModelInfoResolver,
  PartyPlanInfoResolver,
  PartyOutsideOptionResolver,
  SimilarCaseResolver,
  DataSetResolver,
  NegotiationPartyResolver,
  RecordedOutsideOptionResolver,
  ThirdPartyResolver,
  OptionComparisonResolver,
  ScopeResolver,
  ReleaseResolver,
  PlanUnknownResolver,
  OptionsNotDiscussedResolver,
  SecondCodingResolver,
  SourceResolver,
  CitationResolver,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/**
 * Arguments in declaration order. TypeScript applies parameter decorators last parameter first, so
 * type-graphql records a method's `@Arg`s in reverse and prints them so (`sharedTargets(windowYears,
 * at, stateB, stateA)`); it offers no option (MichalLytek/type-graphql#442). The schema generator
 * groups the parameters by method in the order of this list, and the resolver calls sort them by
 * index anyway, so a stable sort by parameter index gives every field its arguments as written.
 */
function argumentsInDeclarationOrder(): void {
  getMetadataStorage().params.sort((a, b) => a.index - b.index);
}

/** The root type's description: type-graphql builds `Query` from the resolvers' queries and takes none. */
const QUERY_DESCRIPTION =
  "The curated record of alliance negotiations (1815–1949) beside the published data sets (ATOP's treaties to 2018, the COW state system, NMC, disputes, wars, rivalries), and the analyses over them: shared targets, outside options, the agreement model, alliance networks and portfolio measures.";

/** The schema is built once per process: type-graphql's metadata is global. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  argumentsInDeclarationOrder();
  cached ??= buildSchema({ resolvers, validate: false }).then((schema) => {
    const query = schema.getQueryType();
    if (query) query.description = QUERY_DESCRIPTION;
    return schema;
  });
  return cached;
}
