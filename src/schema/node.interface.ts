/**
 * Relay's `Node`: every object type with a stable key has a global id `Type:key`
 * (e.g. `State:200`, `Negotiation:anglo-german-1898`), resolvable with `node(id:)`.
 */
import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType('Node', {
  description: 'An object with a global id of the form Type:key.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id: Type:key (e.g. "State:200").' })
  id!: string;
}

export const NODE_TYPES = [
  'State',
  'Threat',
  'Negotiation',
  'NegotiationRound',
  'Proposal',
  'WarPlan',
  'Treaty',
  'Era',
  'Source',
] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

export function globalId(type: NodeTypeName, key: string | number): string {
  return `${type}:${key}`;
}

/** Splits `Type:key`; a bare key is returned with `type: null`. */
export function parseGlobalId(id: string): { type: NodeTypeName | null; key: string } {
  const i = id.indexOf(':');
  if (i > 0) {
    const type = id.slice(0, i);
    if ((NODE_TYPES as readonly string[]).includes(type)) return { type: type as NodeTypeName, key: id.slice(i + 1) };
  }
  return { type: null, key: id };
}
