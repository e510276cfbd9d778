/**
 * What a GraphQL document must pass before it runs, in one place: the parse options (`maxTokens`)
 * and the validation rules of this project (depth, aliases, directives, operations), given to Apollo
 * by server.ts and run again, with graphql-js's `specifiedRules` before them, by the worker that
 * checks large documents off the main thread (./documentWorker.ts). Both sides take them from here,
 * so a document gets the same answer on either.
 *
 * `apolloRulesBefore` reproduces what Apollo Server 5 adds in front of our rules when introspection
 * is off (its `NoIntrospection` rule, not exported): the worker needs it, the main thread has
 * Apollo's own. test/api/offThreadDocuments.api.test.ts sends the same documents both ways.
 */
import {
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type SourceLocation,
  type ValidationRule,
} from 'graphql';
import { AppError, type AppErrorOptions } from '../errors/index.js';
import { estimateCost } from './cost.js';
import { depthLimitRule } from './depthLimitRule.js';
import { documentLimitsRule } from './documentLimitsRule.js';
import { dropLocations } from './locations.js';

export interface DocumentLimits {
  maxDepth: number;
  maxTokens: number;
  maxAliases: number;
  maxDirectives: number;
  maxOperations: number;
}

export function parseOptions(limits: DocumentLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

/** This project's rules, run after graphql-js's `specifiedRules` (Apollo's order). */
export function validationRules(limits: DocumentLimits): ValidationRule[] {
  return [
    depthLimitRule(limits.maxDepth),
    documentLimitsRule({
      maxAliases: limits.maxAliases,
      maxDirectives: limits.maxDirectives,
      maxOperations: limits.maxOperations,
    }),
  ];
}

/** Apollo Server 5's `NoIntrospection` (validationRules/NoIntrospection.js), same message and extensions. */
const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(
        new GraphQLError(
          'GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production',
          { nodes: [node], extensions: { validationErrorCode: 'INTROSPECTION_DISABLED' } },
        ),
      );
    }
  },
});

/** The rules Apollo runs between `specifiedRules` and ours. */
export function apolloRulesBefore(introspection: boolean): ValidationRule[] {
  return introspection ? [] : [noIntrospection];
}

/** Apollo's `hideSchemaDetailsFromClientErrors` (its DisableSuggestions plugin) applied to a validation message. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean(.+?)\?$/, '');
}

export interface CheckOptions {
  limits: DocumentLimits;
  /** Apollo's `introspection` (off: its NoIntrospection rule runs too). */
  introspection: boolean;
  /** Apollo's `hideSchemaDetailsFromClientErrors` ("Did you mean …?" taken out of validation messages). */
  hideSchemaDetails: boolean;
}

/**
 * A refusal as Apollo would send it, in plain data (it crosses a thread): the message, the locations,
 * the extensions of the error Apollo wraps it in (its SyntaxError or ValidationError: `code`
 * GRAPHQL_PARSE_FAILED or GRAPHQL_VALIDATION_FAILED over the original's extensions; `http` left
 * out, always 400 here), and the `AppError` behind it if one of our rules raised it (maskError
 * sends the extensions of that one).
 */
export interface WireError {
  message: string;
  locations?: SourceLocation[];
  extensions: Record<string, unknown>;
  cause?: Pick<AppErrorOptions, 'code' | 'message' | 'details'>;
}

/**
 * What a check found: the document (without locations, see ./locations.ts) and the cost of each
 * operation that has no variables (its cost depends on the document alone; `null` elsewhere), or
 * the errors. `bytes`: about what the verdict holds (the document's JSON), for the cache.
 */
export type Verdict =
  | { ok: true; document: DocumentNode; costs: (number | null)[]; bytes: number }
  | { ok: false; errors: WireError[]; bytes: number };

const wireCause = (e: unknown): WireError['cause'] => {
  if (!(e instanceof AppError)) return undefined;
  const { code: _c, http: _h, ...details } = e.extensions as Record<string, unknown>;
  return { code: e.code, message: e.message, details };
};

const withoutHttp = (ext: Record<string, unknown>, code: string): Record<string, unknown> => {
  const { http: _h, ...rest }: Record<string, unknown> = { ...ext, code };
  return rest;
};

/**
 * Parses and validates `source` as Apollo Server's request pipeline does (its `parse` with our parse
 * options, then `validate` with `specifiedRules`, Apollo's own rules and ours), and says what it
 * found. Pure: the worker runs it, tests run it on the main thread.
 */
export function checkDocument(schema: GraphQLSchema, source: string, options: CheckOptions): Verdict {
  let document: DocumentNode;
  try {
    document = parse(source, parseOptions(options.limits));
  } catch (thrown) {
    return parseFailure(thrown);
  }
  try {
    return checkParsed(schema, document, options);
  } catch (thrown) {
    // A document nested too deeply for this thread's stack: a worker's stack is a little larger than
    // the main thread's, so its parser may get through a document the main thread's cannot and a
    // later step run out instead. The answer is the one the main thread gives, its parser's.
    if (thrown instanceof RangeError) return parseFailure(thrown);
    throw thrown;
  }
}

/** Apollo's answer when its parser throws: `new SyntaxError(ensureGraphQLError(error))`. */
function parseFailure(thrown: unknown): Verdict {
  const e =
    thrown instanceof GraphQLError
      ? thrown
      : new GraphQLError(thrown instanceof Error ? thrown.message : String(thrown));
  const errors: WireError[] = [
    {
      message: e.message,
      ...(e.locations ? { locations: [...e.locations] } : {}),
      extensions: withoutHttp(e.extensions, 'GRAPHQL_PARSE_FAILED'),
    },
  ];
  return { ok: false, errors, bytes: JSON.stringify(errors).length };
}

function checkParsed(schema: GraphQLSchema, document: DocumentNode, options: CheckOptions): Verdict {
  const found = validate(schema, document, [
    ...specifiedRules,
    ...apolloRulesBefore(options.introspection),
    ...validationRules(options.limits),
  ]);
  if (found.length) {
    // Apollo: `new ValidationError(error)` for each, messages without suggestions first if asked.
    const errors = found.map((e): WireError => {
      const cause = wireCause(e.originalError);
      return {
        message: options.hideSchemaDetails ? withoutSuggestions(e.message) : e.message,
        ...(e.locations ? { locations: [...e.locations] } : {}),
        extensions: withoutHttp(e.extensions, 'GRAPHQL_VALIDATION_FAILED'),
        ...(cause ? { cause } : {}),
      };
    });
    return { ok: false, errors, bytes: JSON.stringify(errors).length };
  }
  const costs = document.definitions.map((d) =>
    d.kind === Kind.OPERATION_DEFINITION && !d.variableDefinitions?.length
      ? estimateCost({ schema, document, operation: d, variables: {} })
      : null,
  );
  dropLocations(document);
  return { ok: true, document, costs, bytes: JSON.stringify(document).length };
}
