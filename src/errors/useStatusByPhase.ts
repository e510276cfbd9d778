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
 * Apollo Server instead gives a response the status of any error carrying `extensions.http`, so a
 * bad argument raised during execution came back as 400 beside a NOT_FOUND that came back as 200.
 */
import type { ApolloServerPlugin } from '@apollo/server';

export function useStatusByPhase(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && response.body.singleResult.data !== undefined)
            response.http.status = 200;
        },
      };
    },
  };
}
