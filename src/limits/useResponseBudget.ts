/**
 * An Apollo plugin that gives each GraphQL request its response budget (./responseBudget.ts:
 * MAX_RESPONSE_NODES, MAX_RESPONSE_BYTES, the deadline by the clock, the heap share) and refuses an
 * operation before it runs while the heap is over its share (OVERLOADED, HTTP 503, Retry-After).
 *
 * A request stopped by a limit (TIMEOUT, CANCELLED, RESPONSE_TOO_LARGE, OVERLOADED) fails in every
 * field still resolving; graphql-js reports each one that ends under a nullable parent, thousands of
 * copies of one message. The response keeps the first of each such code.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Deadline } from './deadline.js';
import type { HeapGuard } from './heapGuard.js';
import { countResolvedFields, ResponseBudget } from './responseBudget.js';

export interface ResponseBudgetLimits {
  maxNodes: number;
  maxBytes: number;
  heap?: HeapGuard;
  /** Retry-After of an OVERLOADED refusal, in seconds. */
  retryAfter?: number;
}

/** Codes of errors that stop a whole request: reported once. */
const REQUEST_WIDE = new Set(['TIMEOUT', 'CANCELLED', 'RESPONSE_TOO_LARGE', 'OVERLOADED']);

export function useResponseBudget(
  schema: GraphQLSchema,
  { maxNodes, maxBytes, heap, retryAfter = 2 }: ResponseBudgetLimits,
): ApolloServerPlugin<{ deadline?: Deadline; budget?: ResponseBudget }> {
  countResolvedFields(schema);
  return {
    async requestDidStart({ contextValue }) {
      contextValue.budget = new ResponseBudget({
        maxNodes,
        maxBytes,
        deadline: contextValue.deadline,
        heap,
        retryAfter,
      });
      return {
        async didResolveOperation() {
          heap?.check(retryAfter);
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.errors || result.errors.length < 2) return;
          const seen = new Set<unknown>();
          result.errors = result.errors.filter((e) => {
            const code = e.extensions?.code;
            if (typeof code !== 'string' || !REQUEST_WIDE.has(code)) return true;
            if (seen.has(code)) return false;
            seen.add(code);
            return true;
          });
        },
      };
    },
  };
}
