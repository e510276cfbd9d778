/**
 * Members' obligations that ATOP codes as varying (`obvary` 1) and that the rule of
 * `varyingObligations` (src/domain/obligations.ts: a varying obligation is owed to the members that do
 * not hold it) would owe to the wrong members. Each entry names to whom the obligation is owed, with
 * its source (keys of seed/sources.yaml, the sources the curated treaty cites). ATOP's own dyadic
 * files resolve these cases by hand from its codesheets, which are not published with the data;
 * entries are added only where a cited source settles the question. The 17 alliances with `obvary`
 * members and what the graph does with each are listed in graph/README.md.
 */
import type { DyadCorrection } from '../domain/index.js';

const AUSTRO_ROMANIAN =
  'Austro-Romanian treaty of 30 October 1883 with German accession: the parties aid each other if Romania ' +
  'or the adjacent parts of Austria-Hungary are attacked; Italy acceded in 1888 and ATOP codes it with consultation only, ' +
  'so the defense is owed among Germany, Austria-Hungary and Romania, not to Italy.';
const RHINELAND =
  'Rhineland Pact (Locarno, 1925): Germany on one side and France and Belgium on the other undertake not to ' +
  'attack each other, Britain and Italy guarantee; the non-aggression is owed between Germany and each of France and Belgium.';

export const ATOP_DYAD_CORRECTIONS: readonly DyadCorrection[] = [
  ...[
    [255, [300, 360]],
    [300, [255, 360]],
    [360, [255, 300]],
  ].map(([member, owedTo]): DyadCorrection => ({
    atopId: 1355,
    phases: [0],
    member: member as number,
    obligation: 'DEFENSE',
    owedTo: owedTo as number[],
    reason: AUSTRO_ROMANIAN,
    sources: ['pribram-1920', 'langer-1931'],
  })),
  ...[
    [255, [211, 220]],
    [211, [255]],
    [220, [255]],
  ].map(([member, owedTo]): DyadCorrection => ({
    atopId: 2130,
    phases: [0],
    member: member as number,
    obligation: 'NON_AGGRESSION',
    owedTo: owedTo as number[],
    reason: RHINELAND,
    sources: ['jacobson-1972', 'steiner-2005'],
  })),
  {
    atopId: 1350,
    phases: [2, 3, 4],
    member: 255,
    obligation: 'OFFENSE',
    owedTo: [325],
    reason:
      "Triple Alliance from the renewal of 20 February 1887: Germany's offensive commitment is the " +
      'separate German–Italian treaty (support of Italy in North Africa against France), carried into the ' +
      'single treaty of 1891 and its renewals; Austria-Hungary is not party to it.',
    sources: ['pribram-1920', 'langer-1931'],
  },
];
