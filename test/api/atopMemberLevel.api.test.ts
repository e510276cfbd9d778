/**
 * ATOP as ATOP codes it (issue #16): on the curated seed plus the published record, memberships carry
 * each member's own obligations per phase, treaties their phases, and alliance ties ATOP's dyad rules
 * (a member owes an obligation it holds only toward some members to those members only). Figures are
 * checked against the ATOP 5.1 files in ../shared/data, read here independently of the importer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../helpers/testApi.js';
import { seededAndImported } from '../helpers/fullGraph.js';
import { fileRows, hasSharedData, requireDataOrSkip, sharedDataSkipReason } from '../helpers/sharedData.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import * as q from '../../src/store/queries.gen.js';
import { allianceNetwork, tieObligations } from '../../src/analysis/allianceNetwork.js';
import { portfolioSimilarity } from '../../src/analysis/measures.js';
import { loadSeed } from '../../src/seed/loadSeed.js';

requireDataOrSkip();

const title = sharedDataSkipReason
  ? `ATOP member level (${sharedDataSkipReason})`
  : 'ATOP member level on the seed and the published record';

const MEMBERSHIP = `ccode: state { ccode } curated entry entryPrecision exit exitPrecision phase obligations conditional defcon offcon neucon concon
  conditionDetails asymm obvary bilateral inEffect cowSystem termMode termCause varying owedTo { obligation ccode }`;

interface Membership {
  ccode: { ccode: number };
  curated: boolean;
  entry: string | null;
  entryPrecision: string | null;
  exit: string | null;
  exitPrecision: string | null;
  phase: number | null;
  obligations: string[];
  conditional: boolean | null;
  defcon: boolean | null;
  offcon: boolean | null;
  neucon: boolean | null;
  concon: boolean | null;
  conditionDetails: string[];
  asymm: boolean | null;
  obvary: boolean | null;
  bilateral: boolean | null;
  inEffect: boolean | null;
  cowSystem: boolean | null;
  termMode: number | null;
  termCause: number | null;
  varying: string[];
  owedTo: { obligation: string; ccode: number }[];
}
interface Phase {
  phase: number;
  start: string;
  startPrecision: string;
  end: string | null;
  endPrecision: string | null;
  obligations: string[];
  conditional: boolean;
}
interface TreatyData {
  key: string;
  obligations: string[];
  phases: Phase[];
  members: Membership[];
}

const CONDITION_DETAILS = [
  'defcoadv',
  'defcoloc',
  'defcocon',
  'defconum',
  'defcodem',
  'defconpr',
  'offcoadv',
  'offcoloc',
  'offcocon',
  'offconum',
  'offcodem',
  'neucoadv',
  'neucoloc',
  'neucocon',
  'neuconum',
  'neucodem',
  'neuconpr',
  'neucoatt',
  'concoadv',
  'concoloc',
  'concocon',
  'concoreq',
];
const FLAG_COLUMNS: [string, string][] = [
  ['DEFENSE', 'defense'],
  ['OFFENSE', 'offense'],
  ['NEUTRALITY', 'neutral'],
  ['NON_AGGRESSION', 'nonagg'],
  ['CONSULTATION', 'consul'],
];

/** A date and its precision from ATOP's year/month/day columns (0 or empty: not given). */
function atopDate(y: string, m: string, d: string): { date: string | null; precision: string | null } {
  const year = Number(y),
    month = Number(m || 0),
    day = Number(d || 0);
  if (!year) return { date: null, precision: null };
  const p = (n: number) => String(n).padStart(2, '0');
  return { date: `${year}-${p(month || 1)}-${p(day || 1)}`, precision: day ? 'DAY' : month ? 'MONTH' : 'YEAR' };
}

/** The TreatyMembership the API must give for one atop5_1m.csv row. */
function expectedMembership(r: Record<string, string>) {
  const entry = atopDate(r.yrent!, r.moent!, r.dayent!);
  const exit = atopDate(r.yrexit!, r.moexit!, r.dayexit!);
  const flag = (c: string) => r[c] === '1';
  const int = (c: string) => (r[c] === '' || r[c] === undefined ? null : Number(r[c]));
  return {
    ccode: { ccode: Number(r.member) },
    curated: false,
    entry: entry.date,
    entryPrecision: entry.precision,
    exit: exit.date,
    exitPrecision: exit.precision,
    phase: Number(r.phase),
    obligations: FLAG_COLUMNS.filter(([, c]) => flag(c)).map(([o]) => o),
    conditional: flag('conditio'),
    defcon: flag('defcon'),
    offcon: flag('offcon'),
    neucon: flag('neucon'),
    concon: flag('concon'),
    conditionDetails: CONDITION_DETAILS.filter(flag),
    asymm: flag('asymm'),
    obvary: flag('obvary'),
    bilateral: flag('bilat'),
    inEffect: flag('ineffect'),
    cowSystem: flag('cowsys'),
    termMode: int('termmode'),
    termCause: int('termcaus'),
  };
}

describe.skipIf(!hasSharedData)(title, () => {
  let ex: QueryExecutor;
  let api: TestApi;
  const treaties = new Map<number, TreatyData>();
  const atopMembers = hasSharedData ? fileRows('atop-5.1/atop5_1m.csv') : [];
  const atopPhases = hasSharedData ? fileRows('atop-5.1/atop5_1aph.csv') : [];

  beforeAll(async () => {
    ex = await seededAndImported();
    api = await createTestApi(ex);
    const { data, errors } = await api.run<Record<string, TreatyData>>(`{
      ${[1190, 1350, 1360, 3180]
        .map(
          (id) => `t${id}: treaty(atopId: ${id}) { key obligations
        phases { phase start startPrecision end endPrecision obligations conditional } members { ${MEMBERSHIP} } }`,
        )
        .join('\n')} }`);
    expect(errors).toBeUndefined();
    for (const [k, t] of Object.entries(data!)) treaties.set(Number(k.slice(1)), t);
  }, 120_000);

  const member = (atopId: number, ccode: number, phase?: number) => {
    const found = treaties
      .get(atopId)!
      .members.filter((m) => m.ccode.ccode === ccode && (phase === undefined || m.phase === phase));
    expect(found, `ATOP ${atopId} member ${ccode} phase ${phase}`).toHaveLength(1);
    return found[0]!;
  };
  /** The obligations of each pair of members of one treaty in the ties at a date (ATOP's dyad rule). */
  async function tiesOf(at: string, treaty: string): Promise<Map<string, string[]>> {
    const rows = await ex.read(q.allianceTiesDuring, { from: at, to: at });
    const out = new Map<string, string[]>();
    for (const r of rows.filter((x) => x.treaty === treaty))
      out.set(`${r.a}-${r.b}`, [...new Set([...(out.get(`${r.a}-${r.b}`) ?? []), ...tieObligations(r)])]);
    return out;
  }

  describe('the November Treaty of 1855 (ATOP 1190): Britain and France defend Sweden', () => {
    it("each member's own obligations: Sweden promises no defense, Britain and France do (owed to Sweden)", () => {
      expect(member(1190, 380).obligations).toEqual(['CONSULTATION']);
      for (const c of [200, 220]) {
        expect(member(1190, c).obligations).toEqual(['DEFENSE', 'CONSULTATION']);
        expect(member(1190, c).obvary).toBe(true);
        expect(member(1190, c).varying).toEqual(['DEFENSE']);
        expect(member(1190, c).owedTo).toEqual([{ obligation: 'DEFENSE', ccode: 380 }]);
      }
      expect(member(1190, 380).owedTo).toEqual([]);
      // The treaty keeps the obligations in any phase.
      expect(treaties.get(1190)!.obligations).toEqual(['DEFENSE', 'CONSULTATION']);
    });

    it('obligationsToward: Britain owes Sweden defense and consultation, France only consultation; Sweden owes both consultation', async () => {
      const { data, errors } = await api.run<{
        treaty: {
          members: { state: { ccode: number }; toUKG: string[]; toFRN: string[]; toSWD: string[]; toRUS: string[] }[];
        };
      }>(
        `{ treaty(atopId: 1190) { members { state { ccode } toUKG: obligationsToward(ccode: 200) toFRN: obligationsToward(ccode: 220)
           toSWD: obligationsToward(ccode: 380) toRUS: obligationsToward(ccode: 365) } } }`,
      );
      expect(errors).toBeUndefined();
      const by = new Map(data!.treaty.members.map((m) => [m.state.ccode, m]));
      expect(by.get(200)).toMatchObject({
        toUKG: [],
        toFRN: ['CONSULTATION'],
        toSWD: ['DEFENSE', 'CONSULTATION'],
        toRUS: [],
      });
      expect(by.get(220)).toMatchObject({ toUKG: ['CONSULTATION'], toSWD: ['DEFENSE', 'CONSULTATION'] });
      expect(by.get(380)).toMatchObject({ toUKG: ['CONSULTATION'], toFRN: ['CONSULTATION'], toSWD: [] });
    });

    it('the ties at 1855-12-01: Britain–France consultation only, Britain–Sweden and France–Sweden defense', async () => {
      const ties = await tiesOf('1855-12-01', 'november-treaty-1855');
      expect(Object.fromEntries(ties)).toEqual({
        '200-220': ['CONSULTATION'],
        '200-380': ['DEFENSE', 'CONSULTATION'],
        '220-380': ['DEFENSE', 'CONSULTATION'],
      });
      const network = await allianceNetwork(ex, '1855-12-01');
      const edge = (a: number, b: number) => network.edges.find((e) => e.source === a && e.target === b);
      expect(edge(200, 380)).toMatchObject({ obligation: 'DEFENSE', atopIds: [1190] });
      expect(edge(220, 380)).toMatchObject({ obligation: 'DEFENSE', atopIds: [1190] });
      // Britain and France are also allied by other treaties then (the Crimean War alliance): the
      // November Treaty adds no more than consultation between them.
      expect(edge(200, 220)?.atopIds).toContain(1190);
    });

    it("State.allies at 1855-12-01: Sweden's tie to Britain and to France is a defense tie", async () => {
      const { data, errors } = await api.run<{
        state: { allies: { state: { ccode: number }; obligation: string; treaties: { key: string }[] }[] };
      }>('{ state(ccode: 380) { allies(at: "1855-12-01") { state { ccode } obligation treaties { key } } } }');
      expect(errors).toBeUndefined();
      const allies = new Map(data!.state.allies.map((a) => [a.state.ccode, a]));
      expect(allies.get(200)?.obligation).toBe('DEFENSE');
      expect(allies.get(220)?.obligation).toBe('DEFENSE');
    });
  });

  describe('the Triple Alliance (ATOP 1350): four phases, offense from 1887 and only between Germany and Italy', () => {
    it("has ATOP's four phases with their own dates and obligations", () => {
      const expected = atopPhases
        .filter((r) => r.atopid === '1350')
        .map((r) => ({
          phase: Number(r.phase),
          start: atopDate(r.begyr!, r.begmo!, r.begday!).date,
          end: atopDate(r.endyr!, r.endmo!, r.endday!).date,
          obligations: FLAG_COLUMNS.filter(([, c]) => r[c] === '1').map(([o]) => o),
          conditional: r.conditio === '1',
        }));
      expect(expected).toHaveLength(4);
      expect(
        treaties.get(1350)!.phases.map(({ phase, start, end, obligations, conditional }) => ({
          phase,
          start,
          end,
          obligations,
          conditional,
        })),
      ).toEqual(expected);
      expect(treaties.get(1350)!.phases.map((p) => [p.phase, p.start, p.end])).toEqual([
        [1, '1882-05-20', '1887-02-20'],
        [2, '1887-02-20', '1891-05-06'],
        [3, '1891-05-06', '1913-08-02'],
        [4, '1913-08-02', '1918-11-03'],
      ]);
      expect(treaties.get(1350)!.phases[0]!.obligations).not.toContain('OFFENSE');
      expect(treaties.get(1350)!.phases[1]!.obligations).toContain('OFFENSE');
      // Treaty.obligations: in any phase (ATOP's alliance level wins over the seed's as-signed coding).
      expect(treaties.get(1350)!.obligations).toEqual(['DEFENSE', 'OFFENSE', 'NEUTRALITY', 'CONSULTATION']);
    });

    it('its memberships are per phase; in 1882 no member promises offense', () => {
      expect(treaties.get(1350)!.members).toHaveLength(12);
      for (const c of [255, 300, 325])
        expect(member(1350, c, 1).obligations).toEqual(['DEFENSE', 'NEUTRALITY', 'CONSULTATION']);
      expect(member(1350, 255, 2).obligations).toContain('OFFENSE');
      expect(member(1350, 255, 2).owedTo).toEqual([{ obligation: 'OFFENSE', ccode: 325 }]); // the sourced correction
      expect(member(1350, 325, 4).exit).toBe('1915-05-23');
    });

    it('the ties at 1884-01-01 among Germany, Austria-Hungary and Italy have no offense', async () => {
      const ties = await tiesOf('1884-01-01', 'triple-alliance-1882');
      expect([...ties.keys()].sort()).toEqual(['255-300', '255-325', '300-325']);
      for (const obligations of ties.values()) expect(obligations).toEqual(['DEFENSE', 'NEUTRALITY', 'CONSULTATION']);
      const network = await allianceNetwork(ex, '1884-01-01');
      for (const [a, b] of [
        [255, 300],
        [255, 325],
        [300, 325],
      ]) {
        expect(network.edges.find((e) => e.source === a && e.target === b)?.obligation, `${a}-${b}`).toBe('DEFENSE');
      }
    });

    it('the ties at 1888-01-01: Germany–Italy offense, Germany–Austria-Hungary and Austria-Hungary–Italy not', async () => {
      const ties = await tiesOf('1888-01-01', 'triple-alliance-1882');
      expect(ties.get('255-325')).toContain('OFFENSE');
      expect(ties.get('255-300')).not.toContain('OFFENSE');
      expect(ties.get('300-325')).not.toContain('OFFENSE');
      const { data, errors } = await api.run<{
        treaty: { members: { state: { ccode: number }; phase: number; toITA: string[]; toAUH: string[] }[] };
      }>(
        '{ treaty(atopId: 1350) { members { state { ccode } phase toITA: obligationsToward(ccode: 325) toAUH: obligationsToward(ccode: 300) } } }',
      );
      expect(errors).toBeUndefined();
      const germany2 = data!.treaty.members.find((m) => m.state.ccode === 255 && m.phase === 2)!;
      expect(germany2.toITA).toContain('OFFENSE');
      expect(germany2.toAUH).not.toContain('OFFENSE');
    });
  });

  it('the Mediterranean Agreement (ATOP 1360): Britain and Italy from 12 February 1887, Austria-Hungary from 24 March', () => {
    const t = treaties.get(1360)!;
    expect(t.key).toBe('mediterranean-agreement-1887');
    expect(t.members.map((m) => [m.ccode.ccode, m.entry, m.phase, m.curated]).sort()).toEqual([
      [200, '1887-02-12', 0, false],
      [300, '1887-03-24', 0, false],
      [325, '1887-02-12', 0, false],
    ]);
    expect(t.phases.map((p) => [p.phase, p.start, p.end, p.obligations])).toEqual([
      [0, '1887-02-12', '1897-01-20', ['CONSULTATION']],
    ]);
  });

  it('the North Atlantic Treaty (ATOP 3180): the twelve signatories in phase 1, two phases', () => {
    const t = treaties.get(3180)!;
    const signatories = [2, 20, 200, 210, 211, 212, 220, 235, 325, 385, 390, 395];
    expect(
      t.members
        .filter((m) => m.phase === 1)
        .map((m) => m.ccode.ccode)
        .sort((a, b) => a - b),
    ).toEqual(signatories);
    expect(
      t.members.filter((m) => m.phase === 1).every((m) => m.entry === '1949-04-04' && m.exit === '1951-06-19'),
    ).toBe(true);
    expect(t.members.filter((m) => m.phase === 2).map((m) => m.ccode.ccode)).toEqual(
      expect.arrayContaining([...signatories, 350, 640, 260, 255]),
    );
    expect(t.phases.map((p) => [p.phase, p.start, p.end, p.obligations])).toEqual([
      [1, '1949-04-04', '1951-06-19', ['DEFENSE', 'NON_AGGRESSION', 'CONSULTATION']],
      [2, '1951-06-19', null, ['DEFENSE', 'NON_AGGRESSION', 'CONSULTATION']],
    ]);
    expect(t.members.every((m) => !m.curated && m.varying.length === 0)).toBe(true);
  });

  it('every field of a sample of memberships equals its atop5_1m.csv row', () => {
    const sample = atopMembers.filter(
      (r) =>
        r.atopid === '1190' ||
        (r.atopid === '1350' && ['1', '2', '4'].includes(r.phase!)) ||
        r.atopid === '1360' ||
        (r.atopid === '3180' && ['2', '200', '260'].includes(r.member!)),
    );
    expect(sample.length).toBeGreaterThan(15);
    for (const r of sample) {
      const got = treaties
        .get(Number(r.atopid))!
        .members.filter(
          (m) =>
            m.ccode.ccode === Number(r.member) &&
            m.phase === Number(r.phase) &&
            m.entry === atopDate(r.yrent!, r.moent!, r.dayent!).date,
        );
      expect(got, `${r.atopid}/${r.member}/${r.phase}`).toHaveLength(1);
      const { varying: _v, owedTo: _o, ...fields } = got[0]!;
      expect(fields, `${r.atopid}/${r.member}/${r.phase}`).toEqual(expectedMembership(r));
    }
    // A condition detail, a termination by war and a missing day: the Triple Alliance's last phase.
    expect(member(1350, 255, 4)).toMatchObject({
      termMode: 6,
      termCause: 7,
      conditionDetails: expect.arrayContaining(['defcoadv']),
    });
  });

  it('the portfolio similarity of Britain and Sweden in 1855 counts their tie as defense', async () => {
    const p = await portfolioSimilarity(ex, 200, 380, 1855, 'S');
    expect(p.portfolioA[p.states.indexOf(380)]).toBe(4);
    expect(p.portfolioB[p.states.indexOf(200)]).toBe(4);
  });

  it('nested memberships, phases and obligationsToward over a page of treaties cost a bounded number of round trips', async () => {
    const NESTED = `query ($first: Int) { treaties(first: $first) { edges { node { key phases { phase obligations }
      members { phase obligations owedTo { ccode } toUKG: obligationsToward(ccode: 200) state { abbrev } treaty { key } } } } } }`;
    const five = await api.run<{ treaties: { edges: unknown[] } }>(NESTED, { first: 5 });
    const all = await api.run<{ treaties: { edges: unknown[] } }>(NESTED, { first: 100 });
    expect(all.errors).toBeUndefined();
    expect(all.data!.treaties.edges).toHaveLength(100);
    expect(all.roundTrips).toBeLessThanOrEqual(five.roundTrips + 2);
    expect(all.roundTrips).toBeLessThanOrEqual(8);
  });

  it("a re-seed of the imported graph keeps ATOP's memberships, phases and alliance-level obligations", async () => {
    await loadSeed(ex);
    const { data, errors } = await api.run<{ treaty: TreatyData }>(
      `{ treaty(atopId: 1350) { key obligations phases { phase start startPrecision end endPrecision obligations conditional } members { ${MEMBERSHIP} } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.treaty).toEqual(treaties.get(1350));
  });
});
