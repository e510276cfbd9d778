/**
 * The HTTP status of a GraphQL response follows the GraphQL over HTTP specification: it depends on
 * whether execution started, not on the codes of the errors.
 *
 * - Refused before execution (the document does not parse or validate, the variables do not coerce,
 *   a limit or the heap refuses the operation): no `data`, and the status the error asks for
 *   (`extensions.http`, from `AppError`'s table: 400, 429, 503 …).
 * - Once execution started the response has `data` (possibly `null`) and the status is 200, whatever
 *   failed on the way (NOT_FOUND, BAD_USER_INPUT from an argument, a deadline or a budget that
 *   stopped the result): the errors are in the body, beside what could be resolved, and headers such
 *   as Retry-After are kept. The specification requires a 2xx status for a response with non-null
 *   `data` under `application/graphql-response+json`, and recommends 200 for `data: null`.
 *
 * - One exception: when nothing could be answered (`data: null`) because the service was unavailable
 *   (STORE_UNAVAILABLE, a TIMEOUT: 503) or the client is over its share (429), that status is kept with
 *   its Retry-After, so that clients, proxies and load balancers can back off and retry; the
 *   specification makes 2xx a SHOULD for `data: null`, and these are the cases where the status is
 *   the more useful signal.
 * - And when the store is down, nothing is answered either: a response whose every root field is
 *   null and whose every error is STORE_UNAVAILABLE is sent as `data: null` with its 503. Most root
 *   fields are nullable (`negotiation`, `state`, `negotiations` …): with Neo4j killed their requests
 *   came back 200 `{ "negotiation": null }` (issue 28 §5), a success to any proxy. A TIMEOUT of
 *   nullable fields stays 200: it says "ask for less", not that the service is down. Sending `data:
 *   null` keeps the specification's rule that non-null `data` is a 2xx.
 *
 * Apollo Server instead gives a response the status of any error carrying `extensions.http`, so a
 * bad argument raised during execution came back as 400 beside a NOT_FOUND that came back as 200.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/** Statuses that tell a client to come back later: kept when nothing could be resolved. */
const RETRYABLE = new Set([429, 503]);

/** The store is down: whatever was asked, nothing can be answered. */
const STORE_DOWN = 'STORE_UNAVAILABLE';

/** Every root field null, every error STORE_UNAVAILABLE. */
function storeDown(data: Record<string, unknown>, errors: readonly GraphQLFormattedError[] | undefined): boolean {
  if (!errors?.length || !errors.every((e) => e.extensions?.code === STORE_DOWN)) return false;
  const values = Object.values(data);
  return values.length > 0 && values.every((v) => v === null);
}

export function useStatusByPhase(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const { data } = result;
          if (data === undefined) return;
          if (data !== null && storeDown(data, result.errors)) result.data = null;
          if (result.data === null && RETRYABLE.has(response.http.status ?? 200)) return;
          response.http.status = 200;
        },
      };
    },
  };
}
