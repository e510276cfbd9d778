import { ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A state at the table of one negotiation: what it wanted (its war plans there) and what it could do instead (its outside options there).',
})
export class NegotiationParty {
  negotiationKey!: string;
  ccode!: number;
}
