/**
 * The case universe (seed/universe.csv; the rule in seed/README.md): one row per ATOP 5.1 alliance
 * beginning 1815-1949, read from the shipped ATOP files, each IN with its negotiation or OUT with a
 * reason from the closed list of src/domain/universe.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeedDir, type SeedData } from '../../src/seed/readSeedDir.js';
import { projectRoot, seedDir } from '../../src/paths.js';
import {
  UNIVERSE_EXCLUSION_CODES,
  UNIVERSE_FIRST_YEAR,
  UNIVERSE_LAST_YEAR,
  inSystemAt,
  type StateSpell,
} from '../../src/domain/index.js';

const published = (rel: string) =>
  parse(gunzipSync(readFileSync(join(projectRoot, 'seed', 'published', rel))).toString('utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
const iso = (y: string, m: string, d: string) =>
  `${y.padStart(4, '0')}-${(Number(m) || 1).toString().padStart(2, '0')}-${(Number(d) || 1).toString().padStart(2, '0')}`;

interface Row {
  atopid: string;
  begins: string;
  members: string;
  status: string;
  negotiation: string;
  reason: string;
  justification: string;
}

let rows: Row[];
let data: SeedData;
/** ATOP's alliances of the universe, with their begin date and original members. */
let atop: Map<string, { begins: string; members: number[] }>;
let spells: Map<number, StateSpell[]>;

beforeAll(() => {
  rows = parse(readFileSync(join(seedDir, 'universe.csv'), 'utf8'), { columns: true }) as Row[];
  data = readSeedDir(seedDir);
  const members = published('atop-5.1/atop5_1m.csv.gz');
  atop = new Map(
    published('atop-5.1/atop5_1a.csv.gz')
      .filter((a) => Number(a.begyr) >= UNIVERSE_FIRST_YEAR && Number(a.begyr) <= UNIVERSE_LAST_YEAR)
      .map((a) => [
        a.atopid!,
        {
          begins: iso(a.begyr!, a.begmo!, a.begday!),
          // Original members: those who entered on the alliance's first day.
          members: [
            ...new Set(
              members
                .filter(
                  (m) => m.atopid === a.atopid && m.yrent === a.begyr && m.moent === a.begmo && m.dayent === a.begday,
                )
                .map((m) => Number(m.member)),
            ),
          ].sort((x, y) => x - y),
        },
      ]),
  );
  spells = new Map();
  for (const s of published('cow-states/cow_states.csv.gz')) {
    const list = spells.get(Number(s.ccode)) ?? [];
    list.push({
      kind: 'IN_SYSTEM',
      start: iso(s.styear!, s.stmonth!, s.stday!),
      end: iso(s.endyear!, s.endmonth!, s.endday!),
    });
    spells.set(Number(s.ccode), list);
  }
});

/** Whether every original member was in the COW system at signature (1 January 1816 for 1815: COW's list starts then). */
const allInSystem = (a: { begins: string; members: number[] }) =>
  a.members.every((c) => inSystemAt(spells.get(c) ?? [], true, a.begins < '1816-01-01' ? '1816-01-01' : a.begins));

describe('the case universe (seed/universe.csv)', () => {
  it("has one row for each ATOP 5.1 alliance beginning 1815-1949, with ATOP's begin date and original members", () => {
    expect(rows.map((r) => r.atopid).sort()).toEqual([...atop.keys()].sort());
    for (const r of rows) {
      const a = atop.get(r.atopid)!;
      expect({ atopid: r.atopid, begins: r.begins, members: r.members }).toEqual({
        atopid: r.atopid,
        begins: a.begins,
        members: a.members.join(';'),
      });
    }
  });

  it('gives every row a status: IN with a negotiation whose treaty carries the ATOP id, or OUT with a listed reason and a justification', () => {
    const negotiations = new Map(data.negotiations.map((n) => [n.id, n]));
    const bad: string[] = [];
    for (const r of rows) {
      if (r.status === 'IN') {
        const n = negotiations.get(r.negotiation);
        if (!n) bad.push(`${r.atopid}: no negotiation "${r.negotiation}"`);
        else if (n.treaty?.atopId !== Number(r.atopid))
          bad.push(`${r.atopid}: the treaty of ${r.negotiation} carries ATOP id ${n.treaty?.atopId ?? 'none'}`);
        if (r.reason) bad.push(`${r.atopid}: IN with a reason`);
      } else if (r.status === 'OUT') {
        if (!(UNIVERSE_EXCLUSION_CODES as string[]).includes(r.reason))
          bad.push(`${r.atopid}: OUT with reason "${r.reason}" (not one of ${UNIVERSE_EXCLUSION_CODES.join(', ')})`);
        if (!r.justification.trim()) bad.push(`${r.atopid}: OUT without a justification`);
        if (r.negotiation && !negotiations.has(r.negotiation))
          bad.push(`${r.atopid}: no negotiation "${r.negotiation}"`);
        if (r.reason === 'NOT_IN_SYSTEM' && allInSystem(atop.get(r.atopid)!))
          bad.push(`${r.atopid}: NOT_IN_SYSTEM, but every original member was in the COW system at signature`);
        if (r.reason === 'PART_OF' && !negotiations.has(r.negotiation))
          bad.push(`${r.atopid}: PART_OF names no negotiation of the record`);
      } else bad.push(`${r.atopid}: status "${r.status}" (IN or OUT)`);
    }
    expect(bad).toEqual([]);
  });

  it('holds every seed treaty with an ATOP id of the universe as IN', () => {
    const inRows = new Map(rows.filter((r) => r.status === 'IN').map((r) => [r.atopid, r.negotiation]));
    const bad = data.negotiations
      .filter((n) => n.treaty?.atopId && atop.has(String(n.treaty.atopId)))
      .filter((n) => inRows.get(String(n.treaty!.atopId)) !== n.id)
      .map((n) => `${n.id} (ATOP ${n.treaty!.atopId})`);
    expect(bad).toEqual([]);
  });

  it('is IN for at least 90 % of the alliances whose original members were all in the COW system at signature', () => {
    const eligible = rows.filter((r) => allInSystem(atop.get(r.atopid)!));
    const share = eligible.filter((r) => r.status === 'IN').length / eligible.length;
    expect(share).toBeGreaterThanOrEqual(0.9);
  });
});
