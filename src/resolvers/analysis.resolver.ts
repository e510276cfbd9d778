/** The research traversals: shared targets, alternative allies, outside options, measures, network. */
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { BadInputError, NotFoundError } from '../errors/index.js';
import { DateScalar } from '../schema/Date.scalar.js';
import type { PartialDate } from '../schema/PartialDate.js';
import { SharedTarget } from '../schema/evidence.type.js';
import {
  AlternativeAlly,
  MAX_TOP_ALLIES,
  OutsideOptions,
  OutsideOptionsPoint,
  SeriesStep,
} from '../schema/outsideOptions.type.js';
import {
  AllianceNetwork,
  AlliancePath,
  CapabilityRatioResult,
  PortfolioSimilarityResult,
} from '../schema/network.type.js';
import { SimilarityMeasure, TieObligation } from '../schema/analysisEnums.js';
import { DEFAULT_WINDOW_YEARS } from '../domain/index.js';
import {
  MAX_SERIES_YEARS,
  SERIES_FIRST_YEAR,
  SERIES_LAST_YEAR,
  SERIES_STEPS,
  type SeriesStep as AnalysisSeriesStep,
} from '../analysis/outsideOptions/index.js';
import { toEra } from '../loaders/rowMappers.js';
import { toAlternativeAlly, toOutsideOptions, toSharedTarget } from './analysisMappers.js';
import { takeFirst } from '../schema/connection.js';
import { assertKnownState, assertKnownStates, keyOf } from './lookups.js';
import * as cost from '../schema/fieldCost.js';
import { OUTSIDE_OPTIONS_ALONE } from './outsideOptionsCost.js';

/** The GraphQL enum and the analysis's steps are one vocabulary: a compile error if they drift. */
const SAME_STEPS: [AnalysisSeriesStep[], SeriesStep[]] = [Object.values(SeriesStep), [...SERIES_STEPS]];
void SAME_STEPS;

/** The eras a series by era can meet (the eleven of seed/eras.yaml, and room for a few more). */
const MAX_ERA_POINTS = 15;

/**
 * The points of an outsideOptionsSeries: its years, or at most MAX_ERA_POINTS eras. A range left to
 * the default (the data's years, known only once read), or one the resolver refuses (BAD_USER_INPUT,
 * before any read), counts as the longest series.
 */
function seriesPoints(args: Record<string, unknown>): number {
  const years =
    typeof args.from === 'number' && typeof args.to === 'number'
      ? Math.min(MAX_SERIES_YEARS, Math.max(1, args.to - args.from + 1))
      : MAX_SERIES_YEARS;
  return args.step === 'ERA' ? Math.min(years, MAX_ERA_POINTS) : years;
}

function checkWindow(windowYears: number): void {
  if (!Number.isInteger(windowYears) || windowYears < 0 || windowYears > 100)
    throw new BadInputError('windowYears must be an integer from 0 to 100', 'windowYears');
}
function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1800 || year > 2100)
    throw new BadInputError(`year ${year} is outside 1800–2100`, 'year');
}
async function checkPair(ctx: RequestContext, a: number, b: number, names: [string, string]): Promise<void> {
  await assertKnownStates(ctx, [a, b], `${names[0]}/${names[1]}`);
  if (a === b) throw new BadInputError(`${names[0]} and ${names[1]} must be two different states`);
}

@Resolver()
export class AnalysisResolver {
  @Query(() => [SharedTarget], {
    nullable: true,
    complexity: cost.analysis(150, { perParent: 11, window: DEFAULT_WINDOW_YEARS }),
    description:
      'Targets both states stood against at the date, strongest evidence first. Evidence: ideal war plans, treaties directed against the target, rivalries, perceptions (at the date), disputes and wars (within windowYears before it).',
  })
  async sharedTargets(
    @Ctx() ctx: RequestContext,
    @Arg('stateA', () => Int, { description: 'ccode of the first state.' }) stateA: number,
    @Arg('stateB', () => Int, { description: 'ccode of the second state (not stateA).' }) stateB: number,
    @Arg('at', () => DateScalar, { description: 'The date (a month or a year is read as its first day).' })
    at: PartialDate,
    @Arg('windowYears', () => Int, {
      description: 'Years before the date in which wars, disputes and war plans count as evidence (0–100).',
      defaultValue: DEFAULT_WINDOW_YEARS,
    })
    windowYears: number,
  ): Promise<SharedTarget[]> {
    checkWindow(windowYears);
    await checkPair(ctx, stateA, stateB, ['stateA', 'stateB']);
    return (await ctx.analysis.sharedTargets(stateA, stateB, at.start, windowYears)).map(toSharedTarget);
  }

  @Query(() => [AlternativeAlly], {
    nullable: true,
    complexity: cost.analysis(OUTSIDE_OPTIONS_ALONE, { perParent: 49, cap: 'first', window: DEFAULT_WINDOW_YEARS }),
    description:
      'States available to `state` as allies instead of its negotiating partners, best first. Give `negotiation` (its span is the window for concurrent talks, its parties are left out, `at` defaults to its start) or `at`.',
  })
  async alternativeAllies(
    @Ctx() ctx: RequestContext,
    @Arg('state', () => Int, { description: 'ccode of the state looking for allies.' }) state: number,
    @Arg('at', () => DateScalar, {
      description: 'The date (a month or a year is read as its first day); default: the start of `negotiation`.',
      nullable: true,
    })
    at?: PartialDate,
    @Arg('negotiation', () => ID, {
      description:
        'A negotiation of `state`, by key or global id: its partners are left out and its span is the window for concurrent talks.',
      nullable: true,
    })
    negotiation?: string,
    @Arg('target', () => Int, {
      nullable: true,
      description:
        "ccode of the state posing the target; default: the targets of the state's ideal war plan in the negotiation, or any it stood against.",
    })
    target?: number,
    @Arg('windowYears', () => Int, {
      description: 'Years before the date in which wars, disputes and war plans count as evidence (0–100).',
      defaultValue: DEFAULT_WINDOW_YEARS,
    })
    windowYears: number = DEFAULT_WINDOW_YEARS,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many allies, best first (default: all).' })
    first?: number,
  ): Promise<AlternativeAlly[]> {
    checkWindow(windowYears);
    takeFirst([], first); // validate before the work
    await assertKnownStates(ctx, target != null ? [state, target] : [state], 'state/target');
    if (target === state) throw new BadInputError('a state is not its own target', 'target');
    const allies = await ctx.analysis.alternativeAllies({
      state,
      at: at?.start,
      negotiation: negotiation != null ? keyOf(negotiation, 'Negotiation', 'negotiation') : undefined,
      target: target ?? undefined,
      windowYears,
    });
    return takeFirst(allies.map(toAlternativeAlly), first);
  }

  @Query(() => OutsideOptions, {
    nullable: true,
    complexity: cost.analysis(OUTSIDE_OPTIONS_ALONE),
    description:
      "A party's outside options at a negotiation, or (with `at` instead) on any date outside one (concurrent talks: the year before it): alternative allies, unilateral action, buck-passing, each scored in [0, 1].",
  })
  async outsideOptions(
    @Ctx() ctx: RequestContext,
    @Arg('party', () => Int, { description: 'ccode of the party.' }) party: number,
    @Arg('negotiation', () => ID, {
      description: 'The negotiation, by key or global id; give it or `at`.',
      nullable: true,
    })
    negotiation?: string,
    @Arg('at', () => DateScalar, {
      nullable: true,
      description:
        'A date instead of a negotiation: the targets are those the party stood against then; the same request as each point of outsideOptionsSeries.',
    })
    at?: PartialDate,
  ): Promise<OutsideOptions> {
    if ((negotiation == null) === (at == null))
      throw new BadInputError('outsideOptions takes exactly one of negotiation or at', 'negotiation');
    if (at) {
      if (!(await ctx.loaders.state.load(party))) throw new NotFoundError('State with ccode', party);
      return toOutsideOptions(await ctx.analysis.optionsOnDate(party, at.start));
    }
    await assertKnownState(ctx, party, 'party');
    return toOutsideOptions(
      await ctx.analysis.optionsAtNegotiation(keyOf(negotiation!, 'Negotiation', 'negotiation'), party),
    );
  }

  @Query(() => [OutsideOptionsPoint], {
    nullable: true,
    complexity: cost.series((args) => (args.step === 'ERA' ? 300 : 60), seriesPoints),
    description: `A state's outside options over time, one point per year (read on 1 July) or per era (read on the midpoint of its part of the range), at most ${MAX_SERIES_YEARS} years between ${SERIES_FIRST_YEAR} and ${SERIES_LAST_YEAR}; by default the years of the alliance data (\`analysisSpan\`). Each point is exactly \`outsideOptions(party, at)\` on its date and says which data sets cover it (\`options { complete notCovered }\`); all are computed in one batch (the store round trips do not grow with the number of points). Unknown state: NOT_FOUND.`,
  })
  async outsideOptionsSeries(
    @Ctx() ctx: RequestContext,
    @Arg('state', () => Int, { description: 'COW ccode.' }) state: number,
    @Arg('from', () => Int, {
      nullable: true,
      description: `First year (${SERIES_FIRST_YEAR}–${SERIES_LAST_YEAR}); default: the first year of \`analysisSpan\`.`,
    })
    from: number | null | undefined,
    @Arg('to', () => Int, {
      nullable: true,
      description: 'Last year, inclusive; default: the last year of `analysisSpan` (or `from`, if later).',
    })
    to: number | null | undefined,
    @Arg('step', () => SeriesStep, {
      description: 'One point per year, or one per era.',
      defaultValue: SeriesStep.YEAR,
    })
    step: SeriesStep,
    @Arg('topAllies', () => Int, {
      defaultValue: 3,
      description: `The best alternative allies listed in each point's topAllies (0–${MAX_TOP_ALLIES}).`,
    })
    topAllies: number,
  ): Promise<OutsideOptionsPoint[]> {
    if (!Number.isInteger(topAllies) || topAllies < 0 || topAllies > MAX_TOP_ALLIES)
      throw new BadInputError(`topAllies must be a whole number from 0 to ${MAX_TOP_ALLIES}`, 'topAllies');
    const points = await ctx.analysis.optionsSeries({ state, from, to, step: step satisfies AnalysisSeriesStep });
    return points.map((p) => {
      const options = toOutsideOptions(p.result);
      const era = p.era ? toEra({ id: p.era.key, name: p.era.name, start: p.era.start, end: p.era.end }) : null;
      if (era) ctx.loaders.era.prime(era.key, era);
      return {
        ccode: state,
        year: p.year,
        era,
        from: p.from,
        to: p.to,
        at: p.at,
        options,
        topAllies: options.alternativeAllies.allies.slice(0, topAllies),
      };
    });
  }

  @Query(() => PortfolioSimilarityResult, {
    nullable: true,
    complexity: cost.analysis(80),
    description:
      'Alliance portfolio similarity in a year over the states in the system; ties coded defense 4 > offense 3 > neutrality/non-aggression 2 > consultation 1 > none 0, each state allied to itself at 4.',
  })
  async portfolioSimilarity(
    @Ctx() ctx: RequestContext,
    @Arg('stateA', () => Int, { description: 'ccode of the first state.' }) stateA: number,
    @Arg('stateB', () => Int, { description: 'ccode of the second state (not stateA).' }) stateB: number,
    @Arg('year', () => Int, { description: 'The year (1800–2100).' }) year: number,
    @Arg('measure', () => SimilarityMeasure, {
      description: 'S (default) or TAU_B.',
      defaultValue: SimilarityMeasure.S,
    })
    measure: SimilarityMeasure,
  ): Promise<PortfolioSimilarityResult> {
    checkYear(year);
    await checkPair(ctx, stateA, stateB, ['stateA', 'stateB']);
    const r = await ctx.analysis.portfolioSimilarity(stateA, stateB, year, measure);
    return { stateA, stateB, year, measure, value: r.value, statesCompared: r.statesCompared };
  }

  @Query(() => CapabilityRatioResult, {
    nullable: true,
    complexity: cost.analysis(10),
    description: 'CINC of two states in a year and their ratio (needs the NMC import).',
  })
  async capabilityRatio(
    @Ctx() ctx: RequestContext,
    @Arg('stateA', () => Int, { description: 'ccode of the first state.' }) stateA: number,
    @Arg('stateB', () => Int, { description: 'ccode of the second state (not stateA).' }) stateB: number,
    @Arg('year', () => Int, { description: 'The year of the NMC figures (1800–2100).' }) year: number,
  ): Promise<CapabilityRatioResult> {
    checkYear(year);
    await checkPair(ctx, stateA, stateB, ['stateA', 'stateB']);
    return { year, ...(await ctx.analysis.capabilityRatio(stateA, stateB, year)) };
  }

  @Query(() => AllianceNetwork, {
    nullable: true,
    complexity: cost.analysis(80),
    description: 'States in the system at the date (CINC, major power) and the alliance ties in force between them.',
  })
  async allianceNetwork(
    @Ctx() ctx: RequestContext,
    @Arg('at', () => DateScalar, { description: 'The date (a month or a year is read as its first day).' })
    at: PartialDate,
    @Arg('minObligation', () => TieObligation, {
      nullable: true,
      description: 'Keep ties at least this strong (default: every tie).',
    })
    minObligation?: TieObligation,
  ): Promise<AllianceNetwork> {
    const n = await ctx.analysis.allianceNetwork(at.start, minObligation ?? null);
    return {
      at: n.at,
      nodes: n.nodes,
      edges: n.edges.map((e) => ({ ...e, obligation: e.obligation as TieObligation })),
    };
  }

  @Query(() => AlliancePath, {
    complexity: cost.analysis(100),
    nullable: true,
    description: 'The shortest chain of alliance ties between two states at the date; null when there is none.',
  })
  async alliancePath(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => Int, { description: 'ccode of the first state.' }) from: number,
    @Arg('to', () => Int, { description: 'ccode of the last state.' }) to: number,
    @Arg('at', () => DateScalar, { description: 'The date of the ties (a month or a year is read as its first day).' })
    at: PartialDate,
  ): Promise<AlliancePath | null> {
    await assertKnownStates(ctx, [from, to], 'from/to');
    const path = await ctx.analysis.alliancePath(from, to, at.start);
    if (!path) return null;
    return {
      at: at.start,
      length: path.ties.length,
      states: path.states,
      ties: path.ties.map((e) => ({ ...e, obligation: e.obligation as TieObligation })),
    };
  }
}
