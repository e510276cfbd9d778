/** The requests the limits are tested against, as the issues name them. */

/** The 18 states of the reliability issue's request. */
const STATES = [200, 220, 255, 365, 300, 325, 2, 740, 710, 230, 235, 210, 211, 390, 380, 640, 355, 345];

/**
 * Reliability issue, part 1: 18 aliases (18 states), each the treaties of the members of the state's
 * treaties. Costed at 1,926 by a model that counted every list as 3 items, it built 17 MB and about
 * 1.5 GB of heap; 4 at once ran V8 out of heap.
 */
export const NESTED_TREATY_LISTS = `{ ${STATES.map(
  (c, i) =>
    `s${i}: state(ccode: ${c}) { treaties { treaty { members { state { treaties { treaty { name signed } } } } } } }`,
).join(' ')} }`;

/** Architecture issue, part 4: the heaviest page the API serves (every party's outside options on a page of 50). */
export const HEAVIEST_PAGE =
  '{ negotiations(first: 50) { edges { node { partyPositions { outsideOptions { overall } } } } } }';
