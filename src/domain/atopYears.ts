/**
 * How ATOP's yearly files (state-year, dyad-year, directed dyad-year) read an alliance that changes
 * phase within a year: the year is coded with the later phase only, so an obligation the later phase
 * drops does not count in the year of the change (the Anglo-Japanese alliance in 1905: Japan's
 * offensive and neutrality obligations of the first phase are not in ATOP's 1905 rows; the Central
 * American treaty's neutrality in 1888 likewise). A view of one day reads the phase in force that day.
 */

/** Whether phase `candidate` replaces phase `held` in a year (phases compare by number; a null phase is the only one). */
export const isLaterPhase = (candidate: number | null, held: number | null): boolean => (candidate ?? 0) > (held ?? 0);

/**
 * Of the records of one year, those of the latest phase in each group (`groupOf`: the alliance, or the
 * alliance and the pair): what ATOP's yearly files count.
 */
export function latestPhaseOfYear<T extends { phase: number | null }>(
  items: readonly T[],
  groupOf: (t: T) => string,
): T[] {
  const latest = new Map<string, number | null>();
  for (const t of items) {
    const g = groupOf(t);
    if (!latest.has(g) || isLaterPhase(t.phase, latest.get(g)!)) latest.set(g, t.phase);
  }
  return items.filter((t) => (t.phase ?? 0) === (latest.get(groupOf(t)) ?? 0));
}
