import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { BadInputError } from '../errors/index.js';
import { Node, parseGlobalId } from '../schema/node.interface.js';
import * as cost from '../schema/fieldCost.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    complexity: cost.read(),
    nullable: true,
    description: 'Any object by its global id (Type:key); null when nothing has that id.',
  })
  async node(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'Global id, "Type:key" (e.g. "Negotiation:anglo-german-1898").' }) id: string,
  ): Promise<Node | null> {
    const { type, key } = parseGlobalId(id);
    const l = ctx.loaders;
    switch (type) {
      case 'State': {
        const ccode = Number(key);
        if (!Number.isInteger(ccode)) throw new BadInputError(`${id}: a State id is State:<ccode>`, 'id');
        return l.state.load(ccode);
      }
      case 'Threat':
        return l.threat.load(key);
      case 'Negotiation':
        return l.negotiation.load(key);
      case 'NegotiationRound':
        return l.round.load(key);
      case 'Proposal':
        return l.proposal.load(key);
      case 'WarPlan':
        return l.warPlan.load(key);
      case 'Treaty':
        return l.treaty.load(key);
      case 'Era':
        return l.era.load(key);
      case 'Source':
        return l.source.load(key);
      default:
        throw new BadInputError(`${JSON.stringify(id)} is not a global id: expected Type:key, e.g. "State:200"`, 'id');
    }
  }
}
