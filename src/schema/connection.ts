/**
 * Relay connections. Cursors are opaque (base64 of an offset); `first` is capped by MAX_PAGE_SIZE.
 */
import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { BadInputError } from '../errors/index.js';
import * as cost from './fieldCost.js';

@ObjectType({ description: 'Where a page of a connection sits in the whole list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow this page: ask again with `after: endCursor`.' })
  hasNextPage!: boolean;
  @Field(() => Boolean, { description: 'This page does not start at the first item (`after` was given).' })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of the page; null when it is empty.' })
  startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the page; null when it is empty.' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Page size (default 20, at most MAX_PAGE_SIZE, 100 unless configured).',
  })
  first?: number;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page.' })
  after?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}
export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection of `itemType` named `${name}Connection`, its edges `${name}Edge`; described here for every list. */
export function Connection<T extends object>(itemType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque cursor of this edge: pass it as `after` to read the items after it.' })
    cursor!: string;
    @Field(() => itemType, { description: `The ${name}.` }) node!: T;
  }
  @ObjectType(`${name}Connection`, {
    description: `A page of ${name} items (Relay connection): \`first\` items after the cursor \`after\`.`,
  })
  class ConnectionType {
    @Field(() => [EdgeType], {
      complexity: cost.edges,
      description: 'The items of this page, in order, with their cursors.',
    })
    edges!: EdgeType[];
    @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursors of this one.' })
    pageInfo!: PageInfo;
    @Field(() => Int, { description: 'Number of items matching the filter, over all pages.' }) totalCount!: number;
  }
  return ConnectionType;
}

export const DEFAULT_PAGE_SIZE = 20;
/** The cost of a connection field: reading its page (`own`), and its page's items, `first` of them (default DEFAULT_PAGE_SIZE). */
export const pageCost = (own?: number) => cost.page(DEFAULT_PAGE_SIZE, own);
const encode = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

/** Keeps the first `first` items (all when `first` is absent); BAD_USER_INPUT for a negative or fractional `first`. */
export function takeFirst<T>(items: T[], first: number | null | undefined): T[] {
  if (first == null) return items;
  if (!Number.isInteger(first) || first < 0) throw new BadInputError('first must be a non-negative integer', 'first');
  return items.slice(0, first);
}

/** Reads `first`/`after` into an offset window, rejecting bad values with BAD_USER_INPUT. */
export function pageWindow(args: PageArgs, maxPageSize: number): { skip: number; first: number } {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) throw new BadInputError('first must be a non-negative integer', 'first');
  if (first > maxPageSize) throw new BadInputError(`first must be at most ${maxPageSize} (got ${first})`, 'first');
  let skip = 0;
  if (args.after) {
    const m = /^offset:(\d+)$/.exec(Buffer.from(args.after, 'base64url').toString());
    if (!m) throw new BadInputError('after is not a cursor from this API', 'after');
    skip = Number(m[1]) + 1;
  }
  return { skip, first };
}

export function toConnection<T>(nodes: T[], total: number, skip: number): ConnectionShape<T> {
  const edges = nodes.map((node, i) => ({ cursor: encode(skip + i), node }));
  return {
    edges,
    totalCount: total,
    pageInfo: {
      hasNextPage: skip + nodes.length < total,
      hasPreviousPage: skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
