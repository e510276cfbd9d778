/**
 * One pairing rule (src/domain/allianceTies.ts, `commonSpell`) for the Cypher and the JS that pair
 * alliance members: `allianceTiesDuring` returns exactly the pairs the rule makes from the memberships
 * of the range (`exportMemberships`), for every pair of the record — over the whole span, and on single
 * days (a quarter of the days members enter or leave a phase, 1815-1949).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import * as q from '../../src/store/queries.gen.js';
import { commonSpell, overlaps } from '../../src/domain/index.js';
import { seededAndImported } from '../helpers/fullGraph.js';
import { hasSharedData, requireDataOrSkip, sharedDataSkipReason } from '../helpers/sharedData.js';

requireDataOrSkip();

describe.skipIf(!hasSharedData)(
  `the pairing rule, Cypher against src/domain${sharedDataSkipReason ? ` (${sharedDataSkipReason})` : ''}`,
  () => {
    let ex: QueryExecutor;
    beforeAll(async () => {
      ex = await seededAndImported();
    }, 240_000);

    /** The pairs (a < b, treaty, phase) the domain rule makes from the memberships meeting [from, to]. */
    async function byRule(from: string, to: string): Promise<string[]> {
      const rows = await ex.read(q.exportMemberships, { from, to });
      const byTreaty = new Map<string, typeof rows>();
      for (const m of rows) byTreaty.set(m.treaty, [...(byTreaty.get(m.treaty) ?? []), m]);
      const pairs = new Set<string>();
      for (const members of byTreaty.values())
        for (const x of members)
          for (const y of members) {
            if (x.ccode >= y.ccode) continue;
            const spell = commonSpell(x, y, x.ended);
            if (spell && overlaps(spell.start, spell.end, from, to))
              pairs.add(`${x.ccode}-${y.ccode} ${x.treaty} ${x.phase ?? '-'}`);
          }
      return [...pairs].sort();
    }
    async function byCypher(from: string, to: string): Promise<string[]> {
      const rows = await ex.read(q.allianceTiesDuring, { from, to });
      return [...new Set(rows.map((r) => `${r.a}-${r.b} ${r.treaty} ${r.phase ?? '-'}`))].sort();
    }

    it('over the whole span 1815-2018: the same pairs', async () => {
      const rule = await byRule('1815-01-01', '2018-12-31');
      expect(rule.length).toBeGreaterThan(10_000);
      expect(await byCypher('1815-01-01', '2018-12-31')).toEqual(rule);
    }, 120_000);

    it('on the days memberships begin and end, 1815-1949 (phase changes included): the same pairs', async () => {
      const rows = await ex.read(q.exportMemberships, { from: '1815-01-01', to: '1949-12-31' });
      const days = new Set<string>();
      for (const m of rows) {
        days.add(m.entry);
        if (m.exit) days.add(m.exit);
      }
      // Every 4th such day (all of them would take minutes on the embedded store): every pair of those days.
      const sample = [...days].sort().filter((_, i) => i % 4 === 0);
      expect(sample.length).toBeGreaterThan(100);
      for (const d of sample) expect(await byCypher(d, d), d).toEqual(await byRule(d, d));
    }, 240_000);
  },
);
