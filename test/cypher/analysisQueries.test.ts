/**
 * Cypher-level tests of the traversal queries, on the curated seed plus the imported data sets,
 * with spot checks against what the files say.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import type { Row } from '../../src/store/GraphStore.js';
import { seededAndImported } from '../helpers/fullGraph.js';
import { hasSharedData, fileRows, requireDataOrSkip, sharedDataSkipReason } from '../helpers/sharedData.js';
import { readStatesAvailableAt } from '../../src/reads/statesAvailable.js';
import * as q from '../../src/store/queries.gen.js';

requireDataOrSkip();

describe.skipIf(!hasSharedData)(
  sharedDataSkipReason ? `traversal queries (${sharedDataSkipReason})` : 'traversal queries',
  () => {
    let ex: QueryExecutor;
    beforeAll(async () => {
      ex = await seededAndImported();
    }, 120_000);

    it('readStatesAvailableAt: COW members only, once COW is imported (Germany absent in 1950, present in 1938), the states cow_states.csv lists on each day', async () => {
      const dates = ['1938-06-01', '1950-06-01', '1816-01-01', '1914-06-28'];
      const rows = await readStatesAvailableAt(ex, dates);
      const at = (d: string) => rows.filter((r) => r.at === d).map((r) => r.ccode);
      expect(at('1938-06-01')).toContain(255);
      expect(at('1950-06-01')).not.toContain(255);
      expect(at('1950-06-01')).toContain(2);
      expect(rows.every((r) => r.systemKnown)).toBe(true);
      const iso = (y: string, m: string, d: string) =>
        `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
      const spells = fileRows('cow-states/cow_states.csv');
      for (const d of dates) {
        const expected = [
          ...new Set(
            spells
              .filter((r) => iso(r.styear!, r.stmonth!, r.stday!) <= d && d <= iso(r.endyear!, r.endmonth!, r.endday!))
              .map((r) => Number(r.ccode)),
          ),
        ].sort((a, b) => a - b);
        expect(at(d), d).toEqual(expected);
      }
    });

    it('systemSpellsOfStates and majorPowersAt: Germany leaves and re-enters; the majors of 1914', async () => {
      const spells = (await ex.read(q.systemSpellsOfStates, { ids: [255] })).map((r) => r.node);
      const inSystem = spells.filter((s) => s.kind === 'IN_SYSTEM');
      expect(inSystem.length).toBeGreaterThanOrEqual(2);
      expect(inSystem.some((s) => (s.end as string) === '1945-05-08')).toBe(true);
      const majors = (await ex.read(q.majorPowersAt, { at: '1914-06-28' })).map((r) => r.ccode);
      expect(majors).toEqual([2, 200, 220, 255, 300, 325, 365, 740]);
    });

    it('cincOfStateYears returns NMC values, nothing for a missing state-year', async () => {
      const rows = await ex.read(q.cincOfStateYears, {
        items: [
          { id: '2-1816', ccode: 2, year: 1816 },
          { id: '255-1950', ccode: 255, year: 1950 },
        ],
      });
      expect(rows).toEqual([{ ccode: 2, year: 1816, cinc: 0.039697491 }]);
    });

    it('warOpponentsAt and disputeOpponentsAt: who was fighting whom', async () => {
      const wars = await ex.read(q.warOpponentsAt, {
        items: [
          { ccode: 255, at: '1915-01-01' },
          { ccode: 255, at: '1925-01-01' },
        ],
      });
      expect(wars.filter((w) => w.ccode === 255).map((w) => w.other)).toEqual(expect.arrayContaining([200, 220, 365]));
      expect(wars.some((w) => (w as Row).at === '1925-01-01')).toBe(false);
      const disputes = await ex.read(q.disputeOpponentsAt, {
        items: [{ ccode: 2, at: '1962-10-25' }],
      });
      expect(disputes.map((d) => d.other)).toContain(365); // Cuban missile crisis
    });

    it("targetsFromWars, targetsFromDisputes and targetsFromRivalries find Germany as France's adversary", async () => {
      const items = [{ ccode: 220, from: '1905-01-01', to: '1914-12-31', targets: null }];
      const wars = await ex.read(q.targetsFromWars, { items });
      expect(wars.map((w) => w.target)).toContain(255);
      expect(wars[0]!.sources.length).toBeGreaterThan(0);
      const disputes = await ex.read(q.targetsFromDisputes, { items });
      expect(disputes.map((d) => d.target)).toContain(255);
      const rivals = await ex.read(q.targetsFromRivalries, {
        items: [{ ...items[0]!, toYear: 1914 }],
      });
      expect(rivals.map((r) => r.target)).toContain(255);
    });

    it('targetsFromTreaties: ATOP 1335 (1879) names Russia for Germany', async () => {
      const rows = await ex.read(q.targetsFromTreaties, {
        items: [{ ccode: 255, from: '1870-01-01', to: '1880-01-01', targets: null }],
      });
      expect(rows).toContainEqual(expect.objectContaining({ target: 365, atopId: 1335 }));
    });

    it('allianceTiesDuring and allianceTiesOfStates agree on Germany–Austria-Hungary in 1914', async () => {
      const ties = await ex.read(q.allianceTiesDuring, {
        from: '1914-06-28',
        to: '1914-06-28',
      });
      expect(ties.filter((t) => t.a === 255 && t.b === 300).map((t) => t.atopId)).toContain(1335);
      const own = await ex.read(q.allianceTiesOfStates, {
        items: [{ ccode: 255, at: '1914-06-28' }],
      });
      expect(own.filter((t) => t.other === 300).map((t) => t.atopId)).toContain(1335);
    });

    it('curated and ATOP memberships of one treaty do not double up, whichever is loaded last (regression)', async () => {
      const { loadSeed } = await import('../../src/seed/loadSeed.js');
      const [nato] = await ex.read(q.treatyIdByAtopId, { atopId: 3180 });
      const members = async () =>
        (await ex.read(q.membersOfTreaties, { ids: [nato!.id] })).map(
          (r) => `${r.node.ccode}|${r.node.phase}|${r.node.entry}`,
        );
      const before = await members();
      expect(new Set(before).size).toBe(before.length);
      expect(before.filter((m) => m.startsWith('2|1|'))).toEqual(['2|1|1949-04-04']); // one phase-1 membership: ATOP's, not a curated copy
      const rels = await ex.read(q.countRelationshipsByType);
      await loadSeed(ex);
      expect(await members()).toEqual(before);
      expect(await ex.read(q.countRelationshipsByType)).toEqual(rels);
    });

    it('concurrentNegotiationsOfStates: the Soviet Union talked to Germany during the 1939 tripartite talks', async () => {
      const rows = await ex.read(q.concurrentNegotiationsOfStates, {
        items: [{ ccode: 365, from: '1939-04-17', to: '1939-08-21', exclude: 'british-french-soviet-1939' }],
      });
      expect(rows).toContainEqual(expect.objectContaining({ other: 255, negotiation: 'german-soviet-1939' }));
      expect(rows.map((r) => r.negotiation)).not.toContain('british-french-soviet-1939');
    });
  },
);
