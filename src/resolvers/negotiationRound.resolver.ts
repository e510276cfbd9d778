import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { NegotiationRound } from '../schema/negotiationRound.type.js';
import { Citation } from '../schema/source.type.js';
import { citationsOf } from './citations.js';
import * as cost from '../schema/fieldCost.js';

@Resolver(() => NegotiationRound)
export class NegotiationRoundResolver {
  @FieldResolver(() => [Citation], {
    description:
      'The citations that support it: each source with the locator (pages, chapter or document) that backs the fact.',
    complexity: cost.reads(3),
  })
  sources(@Root() r: NegotiationRound, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return citationsOf(ctx, 'NegotiationRound', r.key);
  }
}
