import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { DateScalar } from './Date.scalar.js';
import { Obligation, Precision } from './enums.js';
import { ATOP_CONDITION_DETAILS } from '../domain/index.js';

/** The codebook's meaning of each ATOP condition detail (ATOP 5.1 codebook §2.33), for the descriptions. */
export const CONDITION_DETAIL_MEANING: Record<(typeof ATOP_CONDITION_DETAILS)[number], string> = {
  defcoadv: 'defense conditional upon a particular adversary or type of adversary',
  defcoloc: 'defense conditional upon conflict in a particular location',
  defcocon: 'defense conditional upon a particular ongoing conflict',
  defconum: 'defense conditional upon the number of adversaries',
  defcodem: 'defense conditional upon the ally or the adversary meeting demands detailed in the agreement',
  defconpr: 'defense conditional upon the ally not provoking the adversary',
  offcoadv: 'offense conditional upon a particular adversary or type of adversary',
  offcoloc: 'offense conditional upon conflict in a particular location',
  offcocon: 'offense conditional upon a particular ongoing conflict',
  offconum: 'offense conditional upon the number of adversaries',
  offcodem: 'offense conditional upon the ally or the adversary meeting demands detailed in the agreement',
  neucoadv: 'neutrality conditional upon a particular adversary or type of adversary',
  neucoloc: 'neutrality conditional upon conflict in a particular location',
  neucocon: 'neutrality conditional upon a particular ongoing conflict',
  neuconum: 'neutrality conditional upon the number of adversaries',
  neucodem: 'neutrality conditional upon the ally or the adversary meeting demands detailed in the agreement',
  neuconpr: 'neutrality conditional upon the ally not provoking the adversary',
  neucoatt: 'neutrality conditional upon the ally being attacked',
  concoadv: 'consultation conditional upon a particular adversary or type of adversary',
  concoloc: 'consultation conditional upon crisis in a particular location',
  concocon: 'consultation conditional upon a particular ongoing conflict',
  concoreq: 'consultation conditional upon an ally requesting consultation',
};

/** ATOP's TERMMODE codes (codebook §2.32). */
export const TERM_MODE_MEANING: Record<number, string> = {
  0: 'none (in effect on 31 December 2018)',
  1: 'not renewed at its scheduled termination date',
  2: 'replaced by a new agreement among the members (also the end of a phase the member continues into)',
  3: 'broken before its scheduled termination date',
  4: 'one or more members lost political independence',
  5: 'the casus foederis ceased to exist',
  6: 'terminated by the loss of a war',
};

/** ATOP's TERMCAUS codes (codebook §2.32). */
export const TERM_CAUSE_MEANING: Record<number, string> = {
  0: 'none (in effect on 31 December 2018)',
  1: 'replaced by a new agreement among the members (renegotiation; also the end of a phase the member continues into)',
  2: 'one or more members lost political independence',
  3: 'the problem the alliance was aimed at was resolved',
  4: 'a policy dispute unrelated to managing the alliance',
  5: 'a policy dispute regarding alliance management',
  6: 'military conflict among the members',
  7: 'a war involving one or more members ended the alliance',
  8: 'a member violated a provision of the alliance short of war',
};

const codes = (m: Record<number | string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
const CURATED_NULL = 'Null for a curated membership (ATOP gives nothing).';

@ObjectType({
  implements: Node,
  description:
    "A signed alliance treaty; atopId links it to the ATOP data set. Its phases, and each member's own obligations in each " +
    "phase, are ATOP's (`phases`, `members`).",
})
export class Treaty extends Node {
  readonly __typename = 'Treaty' as const;
  @Field(() => String, {
    description: 'Key of the treaty: the seed\'s key for a curated treaty, "atop-<id>" for one from ATOP alone.',
  })
  key!: string;
  @Field(() => String, {
    description: "The treaty's name; null where neither the seed nor ATOP names it.",
    nullable: true,
  })
  name!: string | null;
  @Field(() => Int, { nullable: true, description: 'ATOP alliance id, where ATOP codes the treaty.' }) atopId!:
    number | null;
  @Field(() => DateScalar, { description: 'Date of signature; null where unknown.', nullable: true }) signed!:
    string | null;
  @Field(() => DateScalar, {
    description: 'When the treaty ended; null where the record gives no end.',
    nullable: true,
  })
  ended!: string | null;
  @Field(() => [Obligation], {
    description:
      "The obligations of the treaty in any phase, undertaken by any member: for a treaty ATOP codes, ATOP's alliance-level " +
      "coding once ATOP is imported (it wins over the curated seed's, which are those as signed, ATOP's first phase, and stand " +
      'only in a graph without ATOP); for one ATOP does not code, the curated coding. Who owes what to whom, phase by phase: ' +
      '`members { obligations obligationsToward }` and `phases { obligations }`; alliance ties use those, not this list.',
  })
  obligations!: Obligation[];
}

@ObjectType({
  description:
    'One phase of an ATOP alliance (atop5_1aph): a new phase begins when the members renegotiated its terms.',
})
export class TreatyPhase {
  @Field(() => Int, {
    description: 'ATOP phase number: 1, 2, … for an alliance whose terms changed; 0 for a single-phase alliance.',
  })
  phase!: number;
  @Field(() => DateScalar, { description: 'First day of the phase.' }) start!: string;
  @Field(() => Precision, { description: 'How precisely ATOP dates the start.' }) startPrecision!: Precision;
  @Field(() => DateScalar, {
    nullable: true,
    description: "Null: in effect at the end of ATOP's coverage (31 December 2018).",
  })
  end!: string | null;
  @Field(() => Precision, { description: 'How precisely ATOP dates the end; null without an end.', nullable: true })
  endPrecision!: Precision | null;
  @Field(() => [Obligation], { description: 'The obligations any member undertook in this phase (ATOP phase level).' })
  obligations!: Obligation[];
  @Field(() => Boolean, { description: 'ATOP `conditio`: some obligation of the phase is conditional.' })
  conditional!: boolean;
}

@ObjectType({
  description: 'An obligation a member owes only to some members of its alliance phase, and one member it is owed to.',
})
export class OwedObligation {
  @Field(() => Obligation, { description: 'The obligation owed.' }) obligation!: Obligation;
  @Field(() => Int, { description: 'COW code of the member it is owed to.' }) ccode!: number;
}

@ObjectType({
  description:
    "A state's membership of a treaty in one ATOP phase (one per member per phase per entry), with entry and exit dates and " +
    "the member's own ATOP coding in that phase (atop5_1m). A curated membership (`curated`: a treaty ATOP does not code, or a " +
    "graph without ATOP) has no member-level coding: its member-level fields are null or empty and the treaty's obligations stand for every member.",
})
export class TreatyMembership {
  treatyKey!: string;
  ccode!: number;
  @Field(() => Boolean, {
    description: "True: from the curated seed (no member-level coding); false: ATOP's member file.",
  })
  curated!: boolean;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'ATOP yrent/moent/dayent: when the member signed (entered).',
  })
  entry!: string | null;
  @Field(() => Precision, { nullable: true, description: 'Precision of `entry`. Null for a curated membership.' })
  entryPrecision!: Precision | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'ATOP yrexit/moexit/dayexit; null: in effect at the end of the record.',
  })
  exit!: string | null;
  @Field(() => Precision, {
    nullable: true,
    description: 'Precision of `exit`. Null when there is no exit or for a curated membership.',
  })
  exitPrecision!: Precision | null;
  @Field(() => Int, {
    nullable: true,
    description: 'ATOP phase (0 for a single-phase alliance); a curated membership has phase 1.',
  })
  phase!: number | null;
  @Field(() => [Obligation], {
    description:
      "The member's own obligations in this phase (ATOP defense, offense, neutral, nonagg, consul). An asymmetric alliance " +
      'differs by member (in the November Treaty of 1855 Britain and France promise to defend Sweden, Sweden only consults). ' +
      'Empty for a curated membership (see Treaty.obligations).',
  })
  obligations!: Obligation[];
  @Field(() => Boolean, {
    nullable: true,
    description: `ATOP conditio: some obligation of the member is conditional. ${CURATED_NULL}`,
  })
  conditional!: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: `ATOP defcon: the member's defense obligation is conditional. ${CURATED_NULL}`,
  })
  defcon!: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: `ATOP offcon: the member's offense obligation is conditional. ${CURATED_NULL}`,
  })
  offcon!: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: `ATOP neucon: the member's neutrality obligation is conditional. ${CURATED_NULL}`,
  })
  neucon!: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: `ATOP concon: the member's consultation obligation is conditional. ${CURATED_NULL}`,
  })
  concon!: boolean | null;
  @Field(() => [String], {
    description: `The ATOP condition details coded 1 for this member, by column name: ${codes(CONDITION_DETAIL_MEANING)}. Empty for a curated membership.`,
  })
  conditionDetails!: string[];
  @Field(() => Boolean, {
    nullable: true,
    description: `ATOP asymm: obligations vary among the members of the alliance. ${CURATED_NULL}`,
  })
  asymm!: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: `ATOP obvary: this member has different obligations toward different members (see \`owedTo\`, \`obligationsToward\`). ${CURATED_NULL}`,
  })
  obvary!: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: `ATOP bilat: no more than two members at any point in the phase. ${CURATED_NULL}`,
  })
  bilateral!: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: `ATOP ineffect: in effect for this member on 31 December 2018. ${CURATED_NULL}`,
  })
  inEffect!: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: `ATOP cowsys: the state was a COW system member when it signed. ${CURATED_NULL}`,
  })
  cowSystem!: boolean | null;
  @Field(() => Int, {
    nullable: true,
    description: `ATOP termmode, how the member left the alliance (or phase): ${codes(TERM_MODE_MEANING)}. Null: ATOP missing, or a curated membership.`,
  })
  termMode!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: `ATOP termcaus, why the member left the alliance (or phase): ${codes(TERM_CAUSE_MEANING)}. Null: ATOP missing, or a curated membership.`,
  })
  termCause!: number | null;
  @Field(() => [Obligation], {
    description:
      "The member's obligations owed only to some members of the phase (those `owedTo` names): ATOP codes obvary without saying " +
      "to whom; the graph resolves it by the rule of the codebook's worked case (an obligation only some members hold is owed to those " +
      'without it) or by a sourced correction. Empty when the member owes all its obligations to every member, or for a curated membership.',
  })
  varying!: Obligation[];
  /** `OBLIGATION:ccode` entries, as stored. */
  owedToEntries!: string[];
}
