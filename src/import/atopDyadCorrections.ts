/**
 * Members' obligations whose partners ATOP's directed dyad-year file (`atop5_1ddyr`, shipped as
 * seed/published/atop-5.1/atop5_1ddyr_obligations.csv.gz) names otherwise than the rule of
 * `varyingObligations` (src/domain/obligations.ts: an obligation every member holds is mutual, one
 * only some hold is owed to those without it). ATOP resolves members with `obvary` 1 by hand from its
 * codesheets, which are not published; its dyadic file is the published result, so each entry here is
 * read from that file (the owed-to partners of the member in the years of the phase) and checked
 * against it by test/export/dyadYearAtopFile.test.ts, which compares every row of the directed
 * export with the file. Where the file cannot tell (another alliance of the pair carries the same
 * obligation), the entry follows the treaty and says so. graph/README.md lists the alliances with
 * `obvary` members and what the graph does with each.
 */
import type { DyadCorrection, Obligation } from '../domain/index.js';

const DDYR = 'atop-5-1-ddyr';

/** Entries of one alliance: [member, obligation, owed to, and the phases where not all of `phases`]. */
function entries(
  atopId: number,
  phases: number[],
  reason: string,
  sources: string[],
  rows: [number, Obligation, number[], number[]?][],
): DyadCorrection[] {
  return rows.map(([member, obligation, owedTo, only]) => ({
    atopId,
    phases: only ?? phases,
    member,
    obligation,
    owedTo,
    reason,
    sources,
  }));
}

export const ATOP_DYAD_CORRECTIONS: readonly DyadCorrection[] = [
  ...entries(
    1100,
    [1, 2],
    'Quadruple Alliance of 22 April 1834 (Britain, France, Spain, Portugal) with its additional articles of August 1834: ' +
      "ATOP's dyadic file has Britain's defense owed to Spain and Portugal (not France), Spain's to Portugal, and " +
      "Portugal's (from the second phase) to Spain; France owes consultation only.",
    [DDYR, 'atop-5-1'],
    [
      [200, 'DEFENSE', [230, 235]],
      [230, 'DEFENSE', [235]],
      [235, 'DEFENSE', [230], [2]],
    ],
  ),
  ...entries(
    1110,
    [0],
    'London Convention of 15 July 1840 (Britain, Austria, Prussia, Russia and the Ottoman Empire against Mehmet Ali): ' +
      "ATOP's dyadic file has the offensive commitment among the three states that held it (Britain, Austria, the " +
      'Ottoman Empire: the naval operations on the Syrian coast), not owed to Prussia and Russia.',
    [DDYR, 'atop-5-1'],
    [
      [200, 'OFFENSE', [300, 640]],
      [300, 'OFFENSE', [200, 640]],
      [640, 'OFFENSE', [200, 300]],
    ],
  ),
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
    reason:
      'Austro-Romanian treaty of 30 October 1883 with German accession: the parties aid each other if Romania or the ' +
      'adjacent parts of Austria-Hungary are attacked; Italy acceded in 1888 and ATOP codes it with consultation only, so ' +
      "the defense is owed among Germany, Austria-Hungary and Romania, not to Italy (as ATOP's dyadic file has it).",
    sources: ['pribram-1920', 'langer-1931', DDYR],
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
  ...entries(
    2130,
    [0],
    'Rhineland Pact (Locarno, 16 October 1925): Germany, Belgium and France undertake not to attack each other; ' +
      "Britain and Italy guarantee. ATOP's dyadic file has the guarantors' defense owed to Germany, France and Belgium " +
      "(not to each other), France's and Belgium's defense and non-aggression owed to each other and to Germany, and " +
      "Germany's non-aggression owed to France and Belgium and its defense to no one. Belgium's defense toward France " +
      'cannot be read from the file (their alliance of 1920, ATOP 2055, carries defense too): it follows the treaty, ' +
      'under which each party helps the victim of a flagrant violation.',
    [DDYR, 'jacobson-1972', 'steiner-2005'],
    [
      [200, 'DEFENSE', [211, 220, 255]],
      [325, 'DEFENSE', [211, 220, 255]],
      [211, 'DEFENSE', [220, 255]],
      [211, 'NON_AGGRESSION', [220, 255]],
      [220, 'DEFENSE', [211, 255]],
      [220, 'NON_AGGRESSION', [211, 255]],
      [255, 'DEFENSE', []],
      [255, 'NON_AGGRESSION', [211, 220]],
    ],
  ),
  ...entries(
    3322,
    [0],
    "Protocol of Sèvres, 24 October 1956 (Britain, France, Israel): ATOP's dyadic file has Britain's neutrality " +
      'owed to Israel only; the offensive commitment is mutual.',
    [DDYR, 'atop-5-1'],
    [[200, 'NEUTRALITY', [666]]],
  ),
];
