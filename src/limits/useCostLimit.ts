/**
 * An Apollo plugin that estimates an operation's cost before it runs (graphql-query-complexity)
 * and rejects it above `maxCost`. Each field costs 1; a connection multiplies the cost of its
 * children by its page size (`first`, default 20); a list field of relations multiplies it by 3,
 * a typical fan-out for parties, rounds, members.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNamedType, isListType, getNullableType, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../schema/connection.js';

const LIST_FANOUT = 3;

const estimator: ComplexityEstimator = ({ type: parent, field, args, childComplexity }) => {
  const type = getNamedType(field.type);
  if (parent.name.endsWith('Connection')) return 1 + childComplexity; // edges: the page size is counted on the connection
  if (type.name.endsWith('Connection')) return 1 + childComplexity * (typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE);
  if (isListType(getNullableType(field.type)) && childComplexity > 0) return 1 + childComplexity * LIST_FANOUT;
  return 1 + childComplexity;
};

export function useCostLimit(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cost = getComplexity({ schema, query: document, variables: request.variables ?? {}, operationName: request.operationName, estimators: [estimator] });
          if (cost > maxCost) {
            throw new GraphQLError(`Query is too expensive: estimated cost ${cost}, the limit is ${maxCost} (MAX_COST). Ask for smaller pages or fewer nested lists.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
