/**
 * An Apollo plugin that gives each GraphQL request its response budget (./responseBudget.ts:
 * MAX_RESPONSE_NODES, MAX_RESPONSE_BYTES, the deadline by the clock, the heap share) and refuses an
 * operation before it runs while the heap is over its share (OVERLOADED, HTTP 503, Retry-After).
 *
 * A request stopped by a limit (TIMEOUT, CANCELLED, RESPONSE_TOO_LARGE, OVERLOADED) fails in every
 * field still resolving; graphql-js reports each one that ends under a nullable parent, thousands of
 * copies of one message. The response keeps the first of each such code, chosen before Apollo formats
 * the errors (it builds a new error and calls `formatError` for each one it is given).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import type { Deadline } from './deadline.js';
import type { HeapGuard } from './heapGuard.js';
import type { BatchHold } from '../pacer.js';
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
): ApolloServerPlugin<{ deadline?: Deadline; budget?: ResponseBudget; batches?: BatchHold }> {
  countResolvedFields(schema);
  return {
    async requestDidStart({ contextValue }) {
      contextValue.budget = new ResponseBudget({
        maxNodes,
        maxBytes,
        deadline: contextValue.deadline,
        heap,
        retryAfter,
        batches: contextValue.batches,
      });
      return {
        async didResolveOperation() {
          heap?.check(retryAfter);
        },
        async didEncounterErrors({ errors }) {
          // Before Apollo formats them (a new error object and `formatError` for each).
          if (errors.length < 2) return;
          const seen = new Set<unknown>();
          let kept = 0;
          for (const e of errors) {
            const code = e.extensions?.code;
            if (typeof code === 'string' && REQUEST_WIDE.has(code)) {
              if (seen.has(code)) continue;
              seen.add(code);
            }
            (errors as GraphQLError[])[kept++] = e;
          }
          (errors as GraphQLError[]).length = kept;
        },
      };
    },
  };
}
