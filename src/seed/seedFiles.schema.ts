/**
 * The shape of the curated seed files in `seed/`, checked by the loader and by the tests. The coding
 * rules behind these fields are in seed/README.md.
 *
 * Dates are strings (`YYYY-MM-DD`, Gregorian) paired with a precision, because the historical record
 * often gives only a month or a year; a date of precision MONTH or YEAR is written as the first day
 * of that month or year. Where a source gives a date in the Julian calendar (Old Style), the record
 * keeps the Gregorian date and writes the Old Style one beside it (`oldStyle`), which is checked.
 * Every fact carries `sources`: references to a source by key, with a locator (pages or chapter)
 * only where it is known.
 */
import { z } from 'zod';
import {
  APPROACHES,
  ATTRACTIVENESS,
  COMMITMENT_FORMS,
  CONFIDENCE,
  OBLIGATIONS,
  OUTCOMES,
  OUTSIDE_OPTION_KINDS,
  PRECISIONS,
  PROPOSAL_RESPONSES,
  SOURCE_KINDS,
  THIRD_PARTY_ROLES,
} from '../domain/index.js';

export const isoDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}$/,
    'expected an ISO date YYYY-MM-DD (use the first day and a precision for a month or a year)',
  )
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a calendar date',
  );

export const precision = z.enum(PRECISIONS);
export const confidence = z.enum(CONFIDENCE);
export const ccode = z.number().int().positive().max(999);
export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lower-case slug like "anglo-german-1898"');

/**
 * A reference to a source by key, with a locator only where it is checkable (seed/README.md,
 * "Locators"): a `chapter` listed in the source's table of contents (`contents:` in a sources
 * file), a `document` number of a published collection (a source of kind DOCUMENTS or
 * TREATY_TEXT), or `pages` of an edition a reader can open (the source's `url`, or `seenAt`).
 */
export const sourceRef = z
  .object({
    key: slug,
    pages: z.string().min(1).optional().describe('page or page range, e.g. "112-118", of an edition a reader can open'),
    chapter: z.string().min(1).optional().describe("a chapter number from the source's table of contents"),
    document: z.string().min(1).optional().describe('a document number in a published collection, e.g. "113"'),
    seenAt: z.string().url().optional().describe('where the cited page or document was read (an online edition)'),
    note: z.string().optional(),
  })
  .strict();
export const sources = z.array(sourceRef).min(1, 'every fact needs at least one source');

/**
 * Old Style (Julian) renderings of a record's dates, as the source gives them: keys are the
 * record's date fields (`start`, `end`, `date`, `signed`), values the Julian dates.
 */
export const oldStyle = z
  .object({ start: isoDate.optional(), end: isoDate.optional(), date: isoDate.optional(), signed: isoDate.optional() })
  .strict();

export const source = z
  .object({
    key: slug,
    kind: z.enum(SOURCE_KINDS),
    authors: z.array(z.string().min(1)).min(1),
    title: z.string().min(1),
    year: z.number().int().min(1800).max(2100),
    publisher: z.string().optional(),
    container: z.string().optional().describe('journal or edited volume'),
    volume: z.string().optional(),
    pages: z.string().optional(),
    url: z.string().url().optional(),
  })
  .strict();
/** One chapter of a source's table of contents, as printed. */
export const chapter = z.object({ number: z.string().min(1), title: z.string().min(1) }).strict();

/**
 * A source's table of contents, as read at `seenAt` (a publisher's page, a library record, an
 * online edition): the chapters a `chapter` locator may name. One table per source, in any sources
 * file.
 */
export const contents = z
  .object({
    source: slug,
    seenAt: z.string().url(),
    chapters: z.array(chapter).min(1),
  })
  .strict();

/** `sources.yaml` or `sources/<name>.yaml`: new sources, and tables of contents of sources declared anywhere. */
export const sourcesFile = z
  .object({ sources: z.array(source).default([]), contents: z.array(contents).default([]) })
  .strict()
  .refine((f) => f.sources.length + f.contents.length > 0, 'a sources file declares sources or contents');

export const era = z
  .object({
    id: slug,
    name: z.string().min(1),
    start: isoDate,
    end: isoDate,
    sources,
  })
  .strict();
export const erasFile = z.object({ eras: z.array(era).min(1) }).strict();

/** A named theatre or region a commitment can cover ("far-east", "algeria"), for the scope of plans. */
export const region = z
  .object({
    id: slug,
    name: z.string().min(1),
    description: z.string().optional(),
    sources: z.array(sourceRef).default([]).describe('a region is vocabulary, not a fact: a source is optional'),
  })
  .strict();
export const regionsFile = z.object({ regions: z.array(region).min(1) }).strict();

export const state = z
  .object({
    ccode,
    abbrev: z.string().regex(/^[A-Z]{3}$/),
    name: z.string().min(1),
    sources,
  })
  .strict();
export const statesFile = z.object({ states: z.array(state).min(1) }).strict();

export const perception = z
  .object({
    ccode,
    from: isoDate,
    to: isoDate.optional(),
    note: z.string().optional(),
    sources,
  })
  .strict();

export const threat = z
  .object({
    id: slug,
    name: z.string().min(1),
    posedBy: z.array(ccode).min(1),
    description: z.string().optional(),
    perceivedBy: z.array(perception).default([]),
    sources,
  })
  .strict();

/** A perception added to a threat declared in another file. */
export const perceptionOf = perception.extend({ threat: slug }).strict();

/** `threats.yaml` or `threats/<name>.yaml`: new threats, and perceptions of threats declared elsewhere. */
export const threatsFile = z
  .object({
    threats: z.array(threat).default([]),
    perceptions: z.array(perceptionOf).default([]),
  })
  .strict()
  .refine((f) => f.threats.length + f.perceptions.length > 0, 'a threats file declares threats or perceptions');

export const obligation = z.enum(OBLIGATIONS);
export const approach = z.enum(APPROACHES);
export const commitmentForm = z.enum(COMMITMENT_FORMS);

/** What a commitment covers: named regions and/or states. Only where the sources discuss it. */
export const scope = z
  .object({
    regions: z.array(slug).default([]).describe('region ids (seed/regions.yaml)'),
    states: z.array(ccode).default([]).describe('states covered (ccodes)'),
    note: z.string().optional(),
  })
  .strict()
  .refine((s) => s.regions.length + s.states.length > 0, 'a scope names at least one region or state');

export const treaty = z
  .object({
    id: slug,
    name: z.string().min(1),
    atopId: z.number().int().positive().optional(),
    signed: isoDate,
    ended: isoDate.optional(),
    obligations: z.array(obligation).min(1).describe('as signed (ATOP phase 1 where ATOP codes the treaty)'),
    members: z.array(ccode).min(2).describe('the signatories'),
    directedAgainst: z.array(slug).default([]).describe('threat ids'),
    oldStyle: oldStyle.optional(),
    notes: z.string().optional(),
    sources,
  })
  .strict();

export const round = z
  .object({
    sequence: z.number().int().positive(),
    start: isoDate,
    startPrecision: precision.default('DAY'),
    end: isoDate.optional(),
    endPrecision: precision.default('DAY'),
    place: z.string().min(1),
    negotiators: z.array(z.string().min(1)).default([]),
    summary: z.string().optional(),
    oldStyle: oldStyle.optional(),
    sources,
  })
  .strict();

/** The plan a proposal put on the table (target and approach; scope and form where the sources give them). */
export const proposedPlan = z
  .object({
    target: slug.describe('threat id'),
    approach,
    scope: scope.optional(),
    form: commitmentForm.optional(),
    note: z.string().optional(),
  })
  .strict();

export const proposal = z
  .object({
    round: z.number().int().positive().optional(),
    date: isoDate,
    datePrecision: precision.default('DAY'),
    by: z
      .union([ccode, z.array(ccode).min(1)])
      .transform((b) => (Array.isArray(b) ? b : [b]))
      .describe('the proposer, or the joint proposers'),
    to: z.array(ccode).min(1),
    obligations: z.array(obligation).default([]),
    summary: z.string().min(1),
    response: z.enum(PROPOSAL_RESPONSES),
    responseNote: z.string().optional(),
    plan: proposedPlan.optional(),
    oldStyle: oldStyle.optional(),
    sources,
  })
  .strict();

/** Another reading of a plan: the components it changes, why, and on what authority. */
export const planAlternative = z
  .object({
    target: slug.optional(),
    approach: approach.optional(),
    scope: scope.optional(),
    form: commitmentForm.optional(),
    rationale: z.string().min(1),
    confidence: confidence.default('MEDIUM'),
    sources,
  })
  .strict()
  .refine((a) => a.target || a.approach || a.scope || a.form, 'an alternative coding changes at least one component');

export const warPlan = z
  .object({
    party: ccode,
    kind: z
      .literal('IDEAL', { message: 'warPlans holds IDEAL plans; a proposed plan goes on its proposal (`plan:`)' })
      .default('IDEAL'),
    fromRound: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('the round from which this plan holds; absent: the entry plan'),
    target: slug.describe('threat id'),
    approach,
    scope: scope.optional(),
    form: commitmentForm.optional(),
    justification: z.string().min(1),
    confidence: confidence.default('MEDIUM'),
    targetNotPerceived: z
      .string()
      .min(1)
      .optional()
      .describe('why the holder has no recorded perception of the target at the time'),
    alternatives: z.array(planAlternative).default([]),
    sources,
  })
  .strict();

export const thirdParty = z
  .object({
    ccode,
    role: z.enum(THIRD_PARTY_ROLES),
    note: z.string().min(1),
    sources,
  })
  .strict();

/** Another reading of a recorded outside option. */
export const optionAlternative = z
  .object({
    kind: z.enum(OUTSIDE_OPTION_KINDS).optional(),
    ally: ccode.optional(),
    attractiveness: z.enum(ATTRACTIVENESS).optional(),
    rationale: z.string().min(1),
    confidence: confidence.default('MEDIUM'),
    sources,
  })
  .strict()
  .refine(
    (a) => a.kind || a.ally !== undefined || a.attractiveness,
    'an alternative coding changes at least one component',
  );

/** An alternative the party's own decision-makers weighed, as the sources record it. */
export const recordedOption = z
  .object({
    party: ccode,
    kind: z.enum(OUTSIDE_OPTION_KINDS),
    ally: ccode.optional().describe('with ALTERNATIVE_ALLY: the state'),
    attractiveness: z.enum(ATTRACTIVENESS).describe('as the party saw it'),
    evidence: z.string().min(1).describe('what the decision-makers said or did, in a sentence or two'),
    confidence: confidence.default('MEDIUM'),
    realisedIn: slug.optional().describe('the negotiation in which the party took this option'),
    alternatives: z.array(optionAlternative).default([]),
    sources,
  })
  .strict()
  .refine(
    (o) => (o.kind === 'ALTERNATIVE_ALLY') === (o.ally !== undefined),
    'an ALTERNATIVE_ALLY option names its `ally`; other kinds name none',
  );

/** Why plans in this negotiation may aim at a state at the table (neutrality, coercive talks ...). */
export const targetAtTable = z
  .object({
    reason: z.string().min(1),
    sources,
  })
  .strict();

/**
 * A party whose entry plan the sources do not let the coder set (target or approach): the reason,
 * and the works checked. Such a negotiation is in the record but out of the model's fit.
 */
export const planUnknown = z
  .object({
    party: ccode,
    reason: z.string().min(1),
    sources: sources.describe('the works checked'),
  })
  .strict();

/** A party for which the works checked record no outside option: said explicitly, not left blank. */
export const optionsNotDiscussed = z
  .object({
    party: ccode,
    note: z.string().min(1).optional(),
    sources: sources.describe('the works checked'),
  })
  .strict();

export const negotiation = z
  .object({
    id: slug,
    name: z.string().min(1),
    start: isoDate,
    startPrecision: precision.default('DAY'),
    end: isoDate,
    endPrecision: precision.default('DAY'),
    oldStyle: oldStyle.optional(),
    startNotRecorded: z
      .literal(true)
      .optional()
      .describe(
        'the sources do not date the opening of the talks: start is the signature (the rule of seed/README.md)',
      ),
    outcome: z.enum(OUTCOMES),
    era: slug,
    parties: z.array(ccode).min(2),
    thirdParties: z.array(thirdParty).default([]),
    summary: z.string().min(1),
    confidence: confidence.default('HIGH'),
    notes: z.string().optional(),
    targetAtTable: targetAtTable.optional(),
    treaty: treaty.optional(),
    rounds: z.array(round).min(1),
    proposals: z.array(proposal).default([]),
    warPlans: z.array(warPlan).default([]),
    plansUnknown: z.array(planUnknown).default([]).describe('parties whose entry plan the sources do not settle'),
    outsideOptions: z.array(recordedOption).default([]),
    optionsNotDiscussed: z
      .array(optionsNotDiscussed)
      .default([])
      .describe('parties for which the works checked record no outside option'),
    sources,
  })
  .strict();

/**
 * `second-coding/sample.yaml`: the seeded draw of negotiations for the blind second coding
 * (`scripts/secondCoding.ts draw`; docs/codebook.md §20.1). `frame` is the number of negotiations
 * the draw was made from; the record may have grown since.
 */
export const secondCodingSampleFile = z
  .object({
    seed: z.number().int().describe("the generator's seed"),
    share: z.number().gt(0).max(1).describe('the share of the frame drawn'),
    frame: z.number().int().positive().describe('negotiations in the record at the draw'),
    drawn: isoDate,
    keys: z.array(slug).min(1).describe('the sampled negotiation ids'),
  })
  .strict();

/** A source of the second coding: a reference, or (as the second coder writes them) a bare source key. */
const secondCodingSource = z.union([slug.transform((key): SourceRefSeed => ({ key })), sourceRef]);

/**
 * The second coder's entry plan for one party of a sampled negotiation: the target as a threat id
 * (`target`) or as the states posing it (`targetStates`), and the approach; where the works do not
 * let the second coder set one of them, it is null and `reason` says why.
 */
export const secondCoding = z
  .object({
    negotiation: slug,
    party: ccode,
    target: slug.nullable().optional().describe('threat id; null: not coded (see reason)'),
    targetStates: z.array(ccode).min(1).optional().describe('the states posing the target, where no threat names it'),
    approach: approach.nullable().describe('null: not coded (see reason)'),
    confidence: confidence,
    rationale: z.string().min(1),
    reason: z.string().min(1).optional().describe('why the target or the approach is not coded'),
    sources: z
      .array(secondCodingSource)
      .describe('the works the coding rests on; may be empty only where nothing is coded (the reason says why)'),
  })
  .strict()
  .refine((c) => !(typeof c.target === 'string' && c.targetStates), {
    message: 'a coding names its target by `target` (a threat) or by `targetStates`, not both',
    path: ['targetStates'],
  })
  .refine((c) => (c.target == null && !c.targetStates) || c.approach === null || c.reason === undefined, {
    message: 'a `reason` goes only with a target or an approach left uncoded (null)',
    path: ['reason'],
  })
  .refine((c) => !((c.target == null && !c.targetStates) || c.approach === null) || c.reason !== undefined, {
    message: 'a target or an approach left uncoded (null) needs a `reason`',
    path: ['reason'],
  })
  .refine((c) => c.sources.length > 0 || (c.target == null && !c.targetStates && c.approach === null), {
    message: 'a coded target or approach needs at least one source',
    path: ['sources'],
  });

/** `second-coding/coding.yaml`: the blind second coding of the sample, one entry per sampled party. */
export const secondCodingFile = z
  .object({
    coder: z.string().min(1).describe('who coded (e.g. "second coder (blind)")'),
    codings: z.array(secondCoding).default([]),
  })
  .strict();

export type SourceRefSeed = z.infer<typeof sourceRef>;
export type SourceSeed = z.infer<typeof source>;
export type ContentsSeed = z.infer<typeof contents>;
export type EraSeed = z.infer<typeof era>;
export type RegionSeed = z.infer<typeof region>;
export type StateSeed = z.infer<typeof state>;
export type ThreatSeed = z.infer<typeof threat>;
export type PerceptionOfSeed = z.infer<typeof perceptionOf>;
export type TreatySeed = z.infer<typeof treaty>;
export type ScopeSeed = z.infer<typeof scope>;
export type WarPlanSeed = z.infer<typeof warPlan>;
export type ProposalSeed = z.infer<typeof proposal>;
export type RecordedOptionSeed = z.infer<typeof recordedOption>;
export type NegotiationSeed = z.infer<typeof negotiation>;
export type PlanUnknownSeed = z.infer<typeof planUnknown>;
export type OptionsNotDiscussedSeed = z.infer<typeof optionsNotDiscussed>;
export type SecondCodingSampleSeed = z.infer<typeof secondCodingSampleFile>;
export type SecondCodingSeed = z.infer<typeof secondCoding>;
