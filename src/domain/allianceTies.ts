/**
 * Who pairs with whom in an alliance, and when — the half of "are these two states allied?" that
 * `dyadObligations` does not answer. ATOP's dyadic files pair members within one alliance *and
 * phase* (codebook §2.6–2.7; a curated treaty's memberships carry the seed's phase, and a null phase
 * pairs only with a null phase), and only while both are members on the same day: "we eliminate cases
 * in which one state joined the alliance after the other terminated its affiliation". The pair's
 * common spell runs from the later entry to the earliest of the two exits and the treaty's end.
 * One rule for the Cypher (`cypher/allianceTiesDuring.cypher` states it in its `WHERE`), the
 * analyses' ties, the network and the exports; a parity test runs it over every pair of the record.
 */
export interface MembershipSpell {
  ccode: number;
  phase: number | null;
  /** ISO dates; a null exit is open. */
  entry: string;
  exit: string | null;
}

/** An interval of days, [start, end]; a null end is open. */
export interface CommonSpell {
  start: string;
  end: string | null;
}

/** Whether two memberships of one treaty are in the same phase (a null phase pairs only with a null phase). */
export const samePhase = (a: { phase: number | null }, b: { phase: number | null }): boolean =>
  (a.phase ?? null) === (b.phase ?? null);

const earliest = (x: string | null, y: string | null): string | null =>
  x === null ? y : y === null ? x : x < y ? x : y;

/**
 * The days two memberships of one treaty are paired (null when they never are): same phase, from the
 * later entry to the earliest of the exits and the treaty's end (`ended`, null while in force).
 */
export function commonSpell(a: MembershipSpell, b: MembershipSpell, ended: string | null = null): CommonSpell | null {
  if (a.ccode === b.ccode || !samePhase(a, b)) return null;
  const start = a.entry > b.entry ? a.entry : b.entry;
  const end = earliest(earliest(a.exit, b.exit), ended);
  return end !== null && end < start ? null : { start, end };
}

/**
 * The memberships the curated record claims for a treaty (seed/README.md, "Conventions"): each member
 * from the signing to the treaty's end, in phase 1. Written by the seed, and written again by an ATOP
 * re-import whose file no longer holds the alliance of a curated treaty, when it withdraws ATOP's member
 * rows (src/import/README.md, "Re-imports replace").
 */
export function curatedMemberships(treaty: {
  id: string;
  members: readonly number[];
  signed: string;
  ended: string | null;
}): { treaty: string; ccode: number; entry: string; exit: string | null; phase: number }[] {
  return treaty.members.map((ccode) => ({
    treaty: treaty.id,
    ccode,
    entry: treaty.signed,
    exit: treaty.ended,
    phase: 1,
  }));
}
