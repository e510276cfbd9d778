/**
 * The `Date` scalar. Output: the stored ISO date `YYYY-MM-DD`. Input: `YYYY`, `YYYY-MM` or
 * `YYYY-MM-DD`, parsed into a `PartialDate` so that a filter can use the start or the end of the
 * period the user meant. A malformed date is a `BAD_USER_INPUT` error naming the value.
 */
import { GraphQLScalarType, Kind } from 'graphql';
import { BadInputError } from '../errors/index.js';
import { PartialDate } from './PartialDate.js';

function parse(value: unknown): PartialDate {
  if (value instanceof PartialDate) return value;
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof text !== 'string') throw new BadInputError(`Date must be a string like "1914-07-28", "1914-07" or "1914"`);
  const parsed = PartialDate.parse(text);
  if (typeof parsed === 'string') throw new BadInputError(parsed);
  return parsed;
}

export const DateScalar = new GraphQLScalarType<PartialDate, string>({
  name: 'Date',
  description: 'A calendar date. Output: YYYY-MM-DD. Input: YYYY-MM-DD, or YYYY-MM / YYYY for a month or a year.',
  serialize(value) {
    if (value instanceof PartialDate) return value.toString();
    if (typeof value === 'string') return value.slice(0, 10);
    throw new TypeError(`cannot serialise ${String(value)} as a Date`);
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT)
      return parse(ast.kind === Kind.INT ? Number(ast.value) : ast.value);
    throw new BadInputError('Date must be a string like "1914-07-28", "1914-07" or "1914"');
  },
});
