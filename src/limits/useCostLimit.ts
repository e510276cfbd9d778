/**
 * An Apollo plugin that estimates an operation's cost before it runs (./cost.ts) and rejects it
 * above `maxCost` (HTTP 400, GRAPHQL_VALIDATION_FAILED, `limit: 'MAX_COST'`). The variables are
 * coerced first with graphql-js's own `getVariableValues`; if they do not coerce, the estimate is
 * skipped and execution reports the coercion errors the standard way (BAD_USER_INPUT, HTTP 400).
 *
 * An operation costing `expensiveCost` or more takes one of `slots` for as long as it runs; when
 * none is free it is refused with TOO_MANY_REQUESTS (HTTP 429, Retry-After), so a few heavy
 * requests cannot take the whole machine.
 *
 * Before the variables are coerced, a list in them longer than `maxListLength` is refused
 * (BAD_USER_INPUT, HTTP 400, `limit: 'MAX_LIST_LENGTH'`; ./listLength.ts): no coercion, no lookup.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { estimateCost } from './cost.js';
import { dropLocations, LOCATION_FREE_FROM } from './locations.js';
import { assertListsWithin } from './listLength.js';
import type { Slots } from './concurrency.js';
import { LimitExceededError, TooManyRequestsError } from '../errors/index.js';

export interface CostLimitOptions {
  maxCost: number;
  /** Longest list the variables may hold (MAX_LIST_LENGTH); unbounded when not given. */
  maxListLength?: number;
  /** From this cost on, an operation needs a slot. */
  expensiveCost?: number;
  slots?: Slots;
  /** Retry-After for a refusal for lack of a slot, in seconds. */
  retryAfter?: number;
}

/**
 * The cost of operations without variables (it depends on the document alone), by operation node:
 * a document Apollo keeps in its store is costed once, not on every request that sends it again
 * (a 1,000-alias one took 40–130 ms of event loop each time). Large documents come with theirs from
 * the worker that checked them (./offThreadDocuments.ts).
 */
const fixedCosts = new WeakMap<OperationDefinitionNode, number>();

export function rememberCost(operation: OperationDefinitionNode, cost: number): void {
  fixedCosts.set(operation, cost);
}

/** Documents whose locations are gone already (dropLocations walks the whole document). */
const unlocated = new WeakSet<DocumentNode>();

/** Where a request keeps what it must release when it ends (a field of the request context). */
export interface HeldSlots {
  release: (() => void)[];
}

export function useCostLimit(
  schema: GraphQLSchema,
  limit: number | CostLimitOptions,
): ApolloServerPlugin<{ held?: HeldSlots }> {
  const {
    maxCost,
    maxListLength = Infinity,
    expensiveCost = Infinity,
    slots,
    retryAfter = 2,
  } = typeof limit === 'number' ? { maxCost: limit } : limit;
  return {
    async requestDidStart({ contextValue }) {
      const held = contextValue.held;
      const release = () => {
        while (held?.release.length) held.release.pop()!();
      };
      return {
        async didResolveOperation({ request, document, operation, source }) {
          if (!operation) return;
          if (source && source.length > LOCATION_FREE_FROM && !unlocated.has(document)) {
            dropLocations(document);
            unlocated.add(document);
          }
          if (request.variables) assertListsWithin(request.variables, maxListLength);
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, {
            maxErrors: 20,
          });
          if (coerced.errors) return; // execution reports them: BAD_USER_INPUT, 400
          const fixed = !operation.variableDefinitions?.length;
          let cost = fixed ? fixedCosts.get(operation) : undefined;
          if (cost === undefined) {
            cost = estimateCost({ schema, document, operation, variables: coerced.coerced });
            if (fixed) fixedCosts.set(operation, cost);
          }
          if (cost > maxCost) {
            throw new LimitExceededError(
              `Query is too expensive: estimated cost ${Math.round(cost)}, the limit is ${maxCost} (MAX_COST). Ask for smaller pages, shorter windows, fewer aliases or nested lists.`,
              'MAX_COST',
              { cost: Math.round(cost), maxCost },
            );
          }
          if (slots && cost >= expensiveCost) {
            const r = slots.tryAcquire();
            if (!r)
              throw new TooManyRequestsError('expensive operations', slots.max, retryAfter, 'MAX_CONCURRENT_EXPENSIVE');
            if (held) held.release.push(r);
            else throw new Error('useCostLimit: the request context has no `held` slot list');
          }
        },
        async willSendResponse() {
          release();
        },
      };
    },
  };
}
