/**
 * Members' obligations that ATOP codes as varying (`obvary` 1) and that the general rule of
 * `varyingObligations` (src/domain/obligations.ts) would owe to the wrong members. Each entry names
 * to whom the obligation is owed, with the source (keys of seed/sources.yaml). ATOP's own dyadic files
 * resolve these cases by hand from its codesheets; entries are added only where the treaty text in a
 * cited source settles the question.
 */
import type { DyadCorrection } from '../domain/index.js';

export const ATOP_DYAD_CORRECTIONS: readonly DyadCorrection[] = [
  {
    atopId: 1350, phases: [2, 3, 4], member: 255, obligation: 'OFFENSE', owedTo: [325],
    reason: 'Triple Alliance from the renewal of 20 February 1887: Germany\'s offensive commitment is the '
      + 'separate German–Italian treaty (support of Italy in North Africa against France), carried into the '
      + 'single treaty of 1891 and its renewals; Austria-Hungary is not party to it.',
    sources: ['pribram-1920', 'langer-1931'],
  },
];
