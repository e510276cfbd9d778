/**
 * A validation rule over the size of a document, in one linear pass (each node visited once,
 * fragments counted once each where they are defined): at most `maxAliases` aliased fields,
 * `maxDirectives` directives, `maxOperations` operation definitions; and only queries (this API
 * has no mutations or subscriptions: they are refused with OPERATION_NOT_SUPPORTED, HTTP 400,
 * instead of failing at execution). Tokens are bounded before this by the parser (`maxTokens`,
 * see server.ts), which bounds the work of every other rule.
 *
 * Why not GraphQL Armor (@escape.tech/graphql-armor-max-aliases / -max-directives / -max-tokens /
 * -max-depth, maintained, graphql ^16): four packages for ~60 lines; their refusals carry no
 * `extensions.code` unless wrapped; they would not refuse mutations; and max-tokens re-parses the
 * document, where graphql-js's own `parse(..., { maxTokens })` stops the first parse.
 */
import { GraphQLError, type ASTVisitor, type ASTNode, type ValidationContext } from 'graphql';
import { LimitExceededError, OperationNotSupportedError, type AppError } from '../errors/index.js';

export interface DocumentLimits {
  maxAliases: number;
  maxDirectives: number;
  maxOperations: number;
}

export function documentLimitsRule({ maxAliases, maxDirectives, maxOperations }: DocumentLimits) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let directives = 0;
    let operations = 0;
    const report = (cause: AppError, nodes?: ASTNode[]) =>
      context.reportError(new GraphQLError(cause.message, { nodes, originalError: cause }));
    return {
      OperationDefinition(op) {
        operations += 1;
        if (op.operation !== 'query' && operations <= maxOperations)
          report(new OperationNotSupportedError(op.operation), [op]);
      },
      Field(f) {
        if (f.alias) aliases += 1;
      },
      Directive() {
        directives += 1;
      },
      Document: {
        leave() {
          if (operations > maxOperations)
            report(
              new LimitExceededError(
                `The document has ${operations} operations, the limit is ${maxOperations} (MAX_OPERATIONS). Send one operation per request.`,
                'MAX_OPERATIONS',
                { operations, maxOperations },
              ),
            );
          if (aliases > maxAliases)
            report(
              new LimitExceededError(
                `The document has ${aliases} aliases, the limit is ${maxAliases} (MAX_ALIASES). Split it into several requests.`,
                'MAX_ALIASES',
                { aliases, maxAliases },
              ),
            );
          if (directives > maxDirectives)
            report(
              new LimitExceededError(
                `The document has ${directives} directives, the limit is ${maxDirectives} (MAX_DIRECTIVES).`,
                'MAX_DIRECTIVES',
                { directives, maxDirectives },
              ),
            );
        },
      },
    };
  };
}
