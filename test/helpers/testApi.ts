/** The GraphQL server in-process (no port): Apollo's executeOperation with a real request context. */
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { createApollo } from '../../src/server.js';
import { createContext, type RequestContext } from '../../src/context.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import type { Config } from '../../src/config.js';

export const testLimits: Config['limits'] = { maxDepth: 8, maxCost: 25000, maxPageSize: 100 };

export interface TestResult<T = Record<string, unknown>> {
  data: T | null | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
  roundTrips: number;
}

export interface TestApi {
  apollo: ApolloServer<RequestContext>;
  run<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<TestResult<T>>;
}

export async function createTestApi(executor: QueryExecutor, limits: Config['limits'] = testLimits): Promise<TestApi> {
  const { apollo } = await createApollo({ executor, limits });
  await apollo.start();
  return {
    apollo,
    async run<T>(query: string, variables?: Record<string, unknown>) {
      const contextValue = createContext(executor, limits);
      const res = await apollo.executeOperation({ query, variables }, { contextValue });
      if (res.body.kind !== 'single') throw new Error('unexpected incremental response');
      return {
        data: res.body.singleResult.data as T | null | undefined,
        errors: res.body.singleResult.errors,
        roundTrips: contextValue.roundTrips.count,
      };
    },
  };
}
