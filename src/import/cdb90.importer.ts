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
 */
import { readCsv } from './csv.js';
import { assertUnique, stubStates } from './helpers.js';
import { SOURCES } from './sources.js';
import type { Dataset } from './types.js';

/** CDB90 actor names → COW ccode (only used for battles of a COW war, i.e. after 1815). */
export const ACTOR_CCODES: Readonly<Record<string, number>> = {
  'USA': 2, 'Mexico': 70, 'Great Britain': 200, 'England': 200, 'Netherlands': 210, 'Belgium': 211, 'France': 220, 'Spain': 230,
  'Hanover': 240, 'Bavaria': 245, 'Prussia': 255, 'Germany': 255, 'Baden': 267, 'Saxony': 269, 'Wuerttemberg': 271,
  'Austria': 300, 'Habsburg Empire': 300, 'Austria-Hungary': 300, 'Hungary': 310, 'Italy': 325, 'Sardinia': 325, 'Piedmont': 325,
  'Serbia': 345, 'Greece': 350, 'Bulgaria': 355, 'Romania': 360, 'Russia': 365, 'USSR': 365, 'Finland': 375, 'Sweden': 380,
  'Denmark': 390, 'Ethiopia': 530, 'Ottoman Empire': 640, 'Turkey': 640, 'Iraq': 645, 'Egypt': 651, 'Syria': 652, 'Lebanon': 660,
  'Jordan': 663, 'Israel': 666, 'China': 710, 'North Korea': 731, 'South Korea': 732, 'Japan': 740, 'India': 750, 'Pakistan': 770,
  'North Vietnam': 816, 'South Vietnam': 817,
};

export const cdb90: Dataset = {
  name: 'cdb90',
  title: 'CDB90 land battles',
  files: [
    { id: 'battles', pattern: /^battles\.csv(?:\.gz)?$/i, description: 'battles (battles.csv)' },
    { id: 'belligerents', pattern: /^belligerents\.csv(?:\.gz)?$/i, description: 'battle sides (belligerents.csv)' },
    { id: 'dyads', pattern: /^battle_dyads\.csv(?:\.gz)?$/i, description: 'battle dyads (battle_dyads.csv)' },
  ],
  async prepare(files) {
    const bt = await readCsv(files.battles!, ['isqno', 'war', 'name', 'locn', 'campgn', 'post1', 'post2', 'wina', 'war4_theater', 'dbpedia', 'cow_warno', 'cow_warname']);
    const bl = await readCsv(files.belligerents!, ['isqno', 'attacker', 'nam', 'co', 'str', 'intst', 'cas', 'finst', 'tank', 'arty', 'fly', 'actors']);
    const dy = await readCsv(files.dyads!, ['isqno', 'attacker', 'defender', 'wt', 'dyad', 'direction', 'primary']);
    const source = SOURCES.cdb90('1990 (tidy release)');
    assertUnique(bt.rows, (r) => r.reqInt('isqno'), 'isqno', 'isqno');
    const battles = bt.rows.map((r) => ({
      id: `cdb90-${r.reqInt('isqno')}`, isqno: r.reqInt('isqno'), name: r.text('name'), war: r.text('war'), location: r.text('locn'),
      campaign: r.text('campgn'), warNum: r.int('cow_warno'), cowWarName: r.text('cow_warname'), theater: r.text('war4_theater'),
      attackerWon: r.int('wina'), posture1: r.text('post1'), posture2: r.text('post2'), dbpedia: r.text('dbpedia'),
    }));
    const byIsqno = new Map(battles.map((b) => [b.isqno, b]));
    const battleOf = (r: (typeof bl.rows)[number]) => {
      const b = byIsqno.get(r.reqInt('isqno'));
      if (!b) throw r.error('isqno', `battle ${r.reqInt('isqno')} is not in ${bt.file}`);
      return b;
    };
    assertUnique(bl.rows, (r) => [r.reqInt('isqno'), r.reqInt('attacker')], 'battle side', 'attacker');
    const links: { id: string; ccode: number }[] = [];
    let unmatched = 0;
    const belligerents = bl.rows.map((r) => {
      const b = battleOf(r);
      const attacker = r.flag('attacker');
      if (attacker === null) throw r.error('attacker', 'expected 0 or 1');
      const id = `${b.id}-${attacker ? 'attacker' : 'defender'}`;
      const actors = (r.text('actors') ?? '').split(' & ').map((a) => a.trim()).filter(Boolean);
      const ccodes = b.warNum === null ? [] : [...new Set(actors.map((a) => ACTOR_CCODES[a]).filter((c): c is number => c !== undefined))];
      for (const ccode of ccodes) links.push({ id, ccode });
      const matched = b.warNum !== null && actors.length > 0 && ccodes.length > 0 && actors.every((a) => ACTOR_CCODES[a] !== undefined);
      if (!matched) unmatched++;
      return {
        id, battle: b.id, isqno: b.isqno, attacker, name: r.text('nam'), commander: r.text('co'), actors,
        initialStrength: r.int('intst'), strength: r.int('str'), casualties: r.int('cas'), finalStrength: r.int('finst'),
        tanks: r.int('tank'), artillery: r.int('arty'), aircraft: r.int('fly'), matched,
      };
    });
    const dyadNo = new Map<number, number>();
    const dyads = dy.rows.map((r) => {
      const b = battleOf(r);
      const n = (dyadNo.get(b.isqno) ?? 0) + 1;
      dyadNo.set(b.isqno, n);
      return {
        id: `${b.id}-dyad-${n}`, battle: b.id, isqno: b.isqno, attacker: r.text('attacker'), defender: r.text('defender'),
        dyad: r.text('dyad'), weight: r.float('wt'), direction: r.int('direction'), primary: r.flag('primary'),
      };
    });
    const warLinks = battles.filter((b) => b.warNum !== null).map((b) => ({ id: b.id, warNum: b.warNum, cowWarName: b.cowWarName }));
    const states = stubStates(links);
    return {
      dataset: 'cdb90', files: [bt.path, bl.path, dy.path], rowsRead: bt.rows.length + bl.rows.length + dy.rows.length, sources: [source],
      steps: [
        { query: 'importBattles', rows: battles, params: { source: source.key } },
        { query: 'importBattleWars', rows: warLinks, params: { source: source.key } },
        { query: 'importBelligerents', rows: belligerents, params: { source: source.key } },
        { query: 'importStubStates', rows: states },
        { query: 'importBelligerentStates', rows: links },
        { query: 'importBattleDyads', rows: dyads, params: { source: source.key } },
      ],
      nodes: {
        Battle: battles.length, Belligerent: belligerents.length, BattleDyad: dyads.length,
        War: new Set(warLinks.map((w) => w.warNum)).size, State: states.length, Source: 1,
      },
      relationships: {
        PART_OF: warLinks.length, FOUGHT_AT: belligerents.length, REPRESENTS: links.length, IN_BATTLE: dyads.length,
        CITES: battles.length + belligerents.length + dyads.length + new Set(warLinks.map((w) => w.warNum)).size,
      },
      warnings: [`${bl.file}: ${unmatched} of ${belligerents.length} battle sides not (fully) matched to COW states (no COW war number, or an actor name not in the crosswalk); kept with their actor names`],
    };
  },
};
