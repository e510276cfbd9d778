/**
 * CDB90 land battles (tidy release: battles, belligerents, battle dyads).
 *
 * - Battle per `isqno`; PART_OF the COW war `cow-war-<cow_warno>` where CDB90 gives the COW war
 *   number (the War node is created with that number if COW wars has not been imported).
 * - Belligerent per side (`attacker` 1/0) of each battle, FOUGHT_AT the battle, with its actors
 *   (`actors`, split on " & ").
 * - A side REPRESENTS a COW State only when its battle has a COW war number and an actor's name is in
 *   `ACTOR_CCODES` (CDB90 names actors, it has no country codes). Every other side — pre-1816 and
 *   civil-war actors (Holy Roman Empire, Confederacy, Royalist ...), or names the table lacks — stays
 *   unlinked, with its actor names kept on the node and `matched` false.
 * - BattleDyad per battle_dyads row (attacker/defender actor names, weight, direction, primary).
 * - A re-import removes the battles, sides, dyads and links the files no longer hold, and withdraws
 *   CDB90's citation from a war none of its battles is PART_OF any more; a war COW wars holds stays
 *   (src/import/README.md, "Re-imports replace").
 */
import { randomUUID } from 'node:crypto';
import { COUNT, ID, rereadCsv, streamCsv, type CsvRow } from './csv.js';
import { Checks, streamedRows, StubStates, UniqueKeys } from './helpers.js';
import { SOURCES, sourceKeyPrefix } from './sources.js';
import type { Dataset } from './types.js';
import { removeStep, writeStep } from './writeStep.js';
import * as q from '../store/queries.gen.js';

/** CDB90 actor names → COW ccode (only used for battles of a COW war, i.e. after 1815). */
export const ACTOR_CCODES: Readonly<Record<string, number>> = {
  USA: 2,
  Mexico: 70,
  'Great Britain': 200,
  England: 200,
  Netherlands: 210,
  Belgium: 211,
  France: 220,
  Spain: 230,
  Hanover: 240,
  Bavaria: 245,
  Prussia: 255,
  Germany: 255,
  Baden: 267,
  Saxony: 269,
  Wuerttemberg: 271,
  Austria: 300,
  'Habsburg Empire': 300,
  'Austria-Hungary': 300,
  Hungary: 310,
  Italy: 325,
  Sardinia: 325,
  Piedmont: 325,
  Serbia: 345,
  Greece: 350,
  Bulgaria: 355,
  Romania: 360,
  Russia: 365,
  USSR: 365,
  Finland: 375,
  Sweden: 380,
  Denmark: 390,
  Ethiopia: 530,
  'Ottoman Empire': 640,
  Turkey: 640,
  Iraq: 645,
  Egypt: 651,
  Syria: 652,
  Lebanon: 660,
  Jordan: 663,
  Israel: 666,
  China: 710,
  'North Korea': 731,
  'South Korea': 732,
  Japan: 740,
  India: 750,
  Pakistan: 770,
  'North Vietnam': 816,
  'South Vietnam': 817,
};

const BATTLE_COLUMNS = [
  'isqno',
  'war',
  'name',
  'locn',
  'campgn',
  'post1',
  'post2',
  'wina',
  'war4_theater',
  'dbpedia',
  'cow_warno',
  'cow_warname',
];
const SIDE_COLUMNS = [
  'isqno',
  'attacker',
  'nam',
  'co',
  'str',
  'intst',
  'cas',
  'finst',
  'tank',
  'arty',
  'fly',
  'actors',
];
const DYAD_COLUMNS = ['isqno', 'attacker', 'defender', 'wt', 'dyad', 'direction', 'primary'];

function battle(r: CsvRow) {
  return {
    id: `cdb90-${r.reqIntIn('isqno', ...ID)}`,
    isqno: r.reqIntIn('isqno', ...ID),
    name: r.text('name'),
    war: r.text('war'),
    location: r.text('locn'),
    campaign: r.text('campgn'),
    warNum: r.intIn('cow_warno', ...ID),
    cowWarName: r.text('cow_warname'),
    theater: r.text('war4_theater'),
    attackerWon: r.int('wina'),
    posture1: r.text('post1'),
    posture2: r.text('post2'),
    dbpedia: r.text('dbpedia'),
  };
}

/** What the sides and dyads need of a battle: its id, number and COW war number. */
type BattleRef = { id: string; isqno: number; warNum: number | null };

function belligerent(r: CsvRow, b: BattleRef) {
  const attacker = r.flag('attacker');
  if (attacker === null) throw r.error('attacker', 'expected 0 or 1');
  const id = `${b.id}-${attacker ? 'attacker' : 'defender'}`;
  const actors = (r.text('actors') ?? '')
    .split(' & ')
    .map((a) => a.trim())
    .filter(Boolean);
  const ccodes =
    b.warNum === null
      ? []
      : [...new Set(actors.map((a) => ACTOR_CCODES[a]).filter((c): c is number => c !== undefined))];
  const matched =
    b.warNum !== null && actors.length > 0 && ccodes.length > 0 && actors.every((a) => ACTOR_CCODES[a] !== undefined);
  return {
    side: {
      id,
      battle: b.id,
      isqno: b.isqno,
      attacker,
      name: r.text('nam'),
      commander: r.text('co'),
      actors,
      initialStrength: r.intIn('intst', ...COUNT),
      strength: r.intIn('str', ...COUNT),
      casualties: r.intIn('cas', ...COUNT),
      finalStrength: r.intIn('finst', ...COUNT),
      tanks: r.intIn('tank', ...COUNT),
      artillery: r.intIn('arty', ...COUNT),
      aircraft: r.intIn('fly', ...COUNT),
      matched,
    },
    links: ccodes.map((ccode) => ({ id, ccode })),
  };
}

function dyad(r: CsvRow, b: BattleRef, dyadNo: Map<number, number>) {
  const n = (dyadNo.get(b.isqno) ?? 0) + 1;
  dyadNo.set(b.isqno, n);
  return {
    id: `${b.id}-dyad-${n}`,
    battle: b.id,
    isqno: b.isqno,
    attacker: r.text('attacker'),
    defender: r.text('defender'),
    dyad: r.text('dyad'),
    weight: r.float('wt'),
    direction: r.int('direction'),
    primary: r.flag('primary'),
  };
}

export const cdb90: Dataset = {
  name: 'cdb90',
  title: 'CDB90 land battles',
  files: [
    { id: 'battles', pattern: /^battles\.csv(?:\.gz)?$/i, description: 'battles (battles.csv)' },
    { id: 'belligerents', pattern: /^belligerents\.csv(?:\.gz)?$/i, description: 'battle sides (belligerents.csv)' },
    { id: 'dyads', pattern: /^battle_dyads\.csv(?:\.gz)?$/i, description: 'battle dyads (battle_dyads.csv)' },
  ],
  async prepare(files) {
    // First reading: the checks in the order they were stated over whole files (see Checks). Kept:
    // each battle's number and COW war number, the side keys, the states, counts.
    const checks = new Checks();
    const uniqueBattle = new UniqueKeys('isqno', 'isqno');
    const byIsqno = new Map<number, BattleRef>();
    const warNums = new Set<number>();
    let warLinks = 0;
    const bt = await streamCsv(files.battles!, BATTLE_COLUMNS, (r) => {
      checks.run(0, () => uniqueBattle.check(r, r.reqIntIn('isqno', ...ID)));
      checks.run(1, () => {
        const b = battle(r);
        byIsqno.set(b.isqno, { id: b.id, isqno: b.isqno, warNum: b.warNum });
        if (b.warNum !== null) {
          warLinks++;
          warNums.add(b.warNum);
        }
      });
    });
    const battleOf = (r: CsvRow) => {
      const b = byIsqno.get(r.reqIntIn('isqno', ...ID));
      if (!b) throw r.error('isqno', `battle ${r.reqIntIn('isqno', ...ID)} is not in ${bt.file}`);
      return b;
    };
    const uniqueSide = new UniqueKeys('battle side', 'attacker');
    const states = new StubStates();
    let links = 0;
    let unmatched = 0;
    const bl = await streamCsv(files.belligerents!, SIDE_COLUMNS, (r) => {
      checks.run(2, () => uniqueSide.check(r, [r.reqIntIn('isqno', ...ID), r.reqInt('attacker')]));
      checks.run(3, () => {
        const x = belligerent(r, battleOf(r));
        for (const l of x.links) states.add(l);
        links += x.links.length;
        if (!x.side.matched) unmatched++;
      });
    });
    const dyadNo = new Map<number, number>();
    const dy = await streamCsv(files.dyads!, DYAD_COLUMNS, (r) => {
      checks.run(4, () => dyad(r, battleOf(r), dyadNo));
    });
    checks.throwFirst();
    const source = SOURCES.cdb90('1990 (tidy release)');
    const stamp = randomUUID();
    const stateRows = states.rows();
    return {
      dataset: 'cdb90',
      files: [bt.path, bl.path, dy.path],
      sha256: { [bt.path]: bt.sha256, [bl.path]: bl.sha256, [dy.path]: dy.sha256 },
      rowsRead: bt.rows + bl.rows + dy.rows,
      // The tidy release's files give no dates (its battle dates are in a file this importer does not read).
      coverage: null,
      sources: [source],
      steps: [
        writeStep(q.importBattles, {
          params: { source: source.key, stamp },
          rows: streamedRows(bt.rows, (emit) => rereadCsv(bt, BATTLE_COLUMNS, (r) => emit(battle(r)))),
        }),
        writeStep(q.importBattleWars, {
          params: { source: source.key, stamp },
          rows: streamedRows(warLinks, (emit) =>
            rereadCsv(bt, BATTLE_COLUMNS, (r) => {
              const b = battle(r);
              return b.warNum === null ? undefined : emit({ id: b.id, warNum: b.warNum });
            }),
          ),
        }),
        writeStep(q.importBelligerents, {
          params: { source: source.key, stamp },
          rows: streamedRows(bl.rows, (emit) =>
            rereadCsv(bl, SIDE_COLUMNS, (r) => emit(belligerent(r, battleOf(r)).side)),
          ),
        }),
        writeStep(q.importStubStates, { rows: stateRows }),
        writeStep(q.importBelligerentStates, {
          params: { stamp },
          rows: streamedRows(links, (emit) =>
            rereadCsv(bl, SIDE_COLUMNS, async (r) => {
              for (const l of belligerent(r, battleOf(r)).links) await emit(l);
            }),
          ),
        }),
        writeStep(q.importBattleDyads, {
          params: { source: source.key, stamp },
          rows: streamedRows(dy.rows, (emit) => {
            const n = new Map<number, number>();
            return rereadCsv(dy, DYAD_COLUMNS, (r) => emit(dyad(r, battleOf(r), n)));
          }),
        }),
      ],
      // What the files no longer hold: battles, sides, dyads and links; then CDB90's citation of a war none of
      // its battles is PART_OF any more. The wars CDB90 alone holds are named from their battles, and a war
      // no data set cites any more is removed.
      removals: [
        removeStep(q.importRemoveBattles, { stamp }),
        removeStep(q.importRemoveBelligerents, { stamp }),
        removeStep(q.importRemoveBattleDyads, { stamp }),
        removeStep(q.importRemoveBattleWarLinks, { stamp }),
        removeStep(q.importRemoveBelligerentStates, { stamp }),
        removeStep(q.importWithdrawBattleWars, { sourcePrefix: sourceKeyPrefix(source) }),
        removeStep(q.importWarNamesFromBattles, {}),
        removeStep(q.importRemoveWars, {}),
      ],
      nodes: {
        Battle: bt.rows,
        Belligerent: bl.rows,
        BattleDyad: dy.rows,
        War: warNums.size,
        State: stateRows.length,
        Source: 1,
      },
      relationships: {
        PART_OF: warLinks,
        FOUGHT_AT: bl.rows,
        REPRESENTS: links,
        IN_BATTLE: dy.rows,
        CITES: bt.rows + bl.rows + dy.rows + warNums.size,
      },
      warnings: [
        `${bl.file}: ${unmatched} of ${bl.rows} battle sides not (fully) matched to COW states (no COW war number, or an actor name not in the crosswalk); kept with their actor names`,
      ],
    };
  },
};
