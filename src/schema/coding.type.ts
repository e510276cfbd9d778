/** Types of the coding Poast's argument needs beyond target and approach: scope, recorded outside options, third parties, compatibility by round. */
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Attractiveness, Coding, Confidence, OutsideOptionKind, ThirdPartyRole } from './enums.js';
import * as cost from './fieldCost.js';

@ObjectType({ description: 'A named theatre or region a commitment can cover.' })
export class Region {
  @Field(() => String, { description: 'Seed key, e.g. "western-europe".' }) key!: string;
  @Field(() => String, { description: "The region's name." }) name!: string;
  @Field(() => String, {
    description: 'What the region covers; null where the seed gives nothing more than the name.',
    nullable: true,
  })
  description!: string | null;
}

@ObjectType({ description: 'What a commitment covers: named regions and states.' })
export class Scope {
  regionKeys!: string[];
  stateCcodes!: number[];
  @Field(() => String, {
    description: 'What the scope covers, in words, where the regions and states do not say it all.',
    nullable: true,
  })
  note!: string | null;
}

@ObjectType({
  description: "An outside option a party's own decision-makers weighed, as the record gives it, with the evidence.",
})
export class RecordedOutsideOption {
  @Field(() => String, { description: 'Seed-derived key of the option, unique within the record.' }) key!: string;
  partyCcode!: number;
  @Field(() => OutsideOptionKind, { description: 'Which kind of outside option it was.' }) kind!: OutsideOptionKind;
  allyCcode!: number | null;
  @Field(() => Attractiveness, { description: 'As the party saw it.' }) attractiveness!: Attractiveness;
  @Field(() => String, { nullable: true, description: 'What the decision-makers said or did.' }) evidence!:
    string | null;
  @Field(() => Confidence, { description: 'How firmly the sources support this coding.' }) confidence!: Confidence;
  @Field(() => Coding, { description: 'PRIMARY, or ALTERNATIVE for another reading of the option.' }) coding!: Coding;
  @Field(() => String, {
    nullable: true,
    description: 'Why a reviewer could read the option so (alternative codings).',
  })
  rationale!: string | null;
  realisedInKey!: string | null;
  alternatives!: RecordedOutsideOption[];
}

@ObjectType({ description: 'A state not at the table whose place in the negotiation was itself at issue.' })
export class ThirdParty {
  key!: string;
  ccode!: number;
  @Field(() => ThirdPartyRole, { description: 'Why the state mattered to the talks.' }) role!: ThirdPartyRole;
  @Field(() => String, { description: 'What the record says of its place in the talks.' }) note!: string;
}

@ObjectType({
  description:
    'A party whose entry war plan the works checked do not settle: the record says so, with the reason, instead of guessing a plan (the agreement model leaves such a negotiation out of its fit).',
})
export class PlanUnknown {
  key!: string;
  @Field(() => String, { description: 'Why the works checked do not settle the target or the approach.' })
  reason!: string;
}

@ObjectType({
  description:
    'The statement that the works checked record no outside option for a party, so that what is recorded for failures is recorded for successes.',
})
export class OptionsNotDiscussed {
  key!: string;
  @Field(() => String, {
    nullable: true,
    description: 'What the works checked say, or do not say, about alternatives.',
  })
  note!: string | null;
}

@ObjectType({
  description: 'A recorded outside option beside the computed one of the same kind, and whether they agree.',
})
export class OptionComparison {
  @Field(() => OutsideOptionKind, { description: 'The kind of outside option compared.' }) kind!: OutsideOptionKind;
  allyCcode!: number | null;
  @Field(() => Attractiveness, { description: "The attractiveness the party's decision-makers gave it." })
  recorded!: Attractiveness;
  @Field(() => Float, { description: "The recorded attractiveness as a number (the model's scale)." })
  recordedValue!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      "The computed attractiveness of the same option (for an alternative ally: that state's score; 0 when the computation does not find it); null without data.",
  })
  computedValue!: number | null;
  @Field(() => Boolean, { description: 'The two readings differ by less than the disagreement threshold.' })
  agree!: boolean;
  @Field(() => String, { description: 'How the two readings compare, in words.' }) note!: string;
}

@ObjectType({
  description: "Agreement of the parties' plans on the high-level components and, where coded, on scope and form.",
})
export class ComponentAgreement {
  @Field(() => Float, { description: 'Share of parties in the largest group agreeing on the target.' })
  targetAgreement!: number;
  @Field(() => Float, { description: 'Share of parties in the largest group agreeing on the approach.' })
  approachAgreement!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Share of the parties with a coded scope in the largest group naming the same regions and states; null when fewer than two parties have one.',
  })
  scopeAgreement!: number | null;
  @Field(() => Float, { nullable: true, description: 'The same for the form of the commitment.' }) formAgreement!:
    number | null;
  @Field(() => Boolean, { description: 'Same target and same approach for every party.' }) highlyCompatible!: boolean;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Every party with a coded scope names the same scope; null when not coded.',
  })
  allScopesAgree!: boolean | null;
  @Field(() => Boolean, {
    description: 'Every party with a coded form names the same form; null when not coded.',
    nullable: true,
  })
  allFormsAgree!: boolean | null;
}

@ObjectType({ description: 'Compatibility from a round on, with the plans then held.' })
export class RoundCompatibility extends ComponentAgreement {
  @Field(() => Int, { description: 'The round (sequence) from which these plans held.' }) round!: number;
}

@ObjectType({
  description: "Compatibility of the parties' ideal plans: at entry, and round by round where plans moved.",
})
export class NegotiationCompatibility {
  @Field(() => ComponentAgreement, { description: 'The entry plans (what the model reads).' })
  entry!: ComponentAgreement;
  @Field(() => [RoundCompatibility], {
    complexity: cost.items(1),
    description: "From each round in which some party's plan changed.",
  })
  byRound!: RoundCompatibility[];
}
