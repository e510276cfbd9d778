/**
 * COW Inter-State Wars (one row per participant per war): one War per WarNum, spanning its
 * participants' spells, and one FOUGHT_IN per row (a state with several rows gets spells 1, 2, ...).
 * `TransFrom`/`TransTo` are lists of war numbers (the file has "404, 410"). `-8` (not applicable: no second spell, no transformation) and `-9` (unknown) become null.
 * A re-import removes the participations the file no longer holds and withdraws COW's part of the wars it
 * no longer holds; a war CDB90 battles are PART_OF stays (src/import/README.md, "Re-imports replace").
 */
import { randomUUID } from 'node:crypto';
import { CCODE, COUNT, ID, MISSING, rereadCsv, streamCsv, yearsFrom, type CsvRow } from './csv.js';
import { Checks, compactKey, dateFields, dateOf, streamedRows, StubStates, versionFrom, Years } from './helpers.js';
import type { DatedCell } from './dates.js';
import { SOURCES, sourceKeyPrefix } from './sources.js';
import type { Dataset } from './types.js';
import { removeStep, writeStep } from './writeStep.js';
import * as q from '../store/queries.gen.js';

/** TransFrom/TransTo: the war(s) this one was transformed from or into, e.g. "404, 410"; -8 → null. */
function warList(r: CsvRow, column: string): number[] | null {
  const v = r.cell(column);
  if (MISSING.has(v)) return null;
  return v.split(',').map((p) => {
    const n = p.trim();
    if (!/^\d+$/.test(n)) throw r.error(column, `expected war numbers separated by commas, found ${JSON.stringify(v)}`);
    return Number(n);
  });
}

const COLUMNS = [
  'WarNum',
  'WarName',
  'WarType',
  'ccode',
  'StateName',
  'Side',
  'StartMonth1',
  'StartDay1',
  'StartYear1',
  'EndMonth1',
  'EndDay1',
  'EndYear1',
  'StartMonth2',
  'StartDay2',
  'StartYear2',
  'EndMonth2',
  'EndDay2',
  'EndYear2',
  'TransFrom',
  'WhereFought',
  'Initiator',
  'Outcome',
  'TransTo',
  'BatDeath',
];

/** COW's span (1816 onwards). */
const YEARS = yearsFrom(1816);

type WarSpan = {
  id: string;
  warNum: number;
  name: string;
  warType: number | null;
  first: DatedCell | null;
  last: DatedCell | null;
  line: number;
};

/** A participant row; `wars` gathers each war's span (and checks its name), `spells` counts the rows of each state in each war so far. */
function participant(r: CsvRow, wars: Map<number, WarSpan>, spells: Map<number | string, number>) {
  const warNum = r.reqIntIn('WarNum', ...ID);
  const name = r.text('WarName');
  if (!name) throw r.error('WarName', 'a war needs a name');
  const start = dateOf(r, 'StartYear1', 'StartMonth1', 'StartDay1', YEARS);
  const end = dateOf(r, 'EndYear1', 'EndMonth1', 'EndDay1', YEARS);
  const start2 = dateOf(r, 'StartYear2', 'StartMonth2', 'StartDay2', YEARS);
  const end2 = dateOf(r, 'EndYear2', 'EndMonth2', 'EndDay2', YEARS);
  const w = wars.get(warNum) ?? {
    id: `cow-war-${warNum}`,
    warNum,
    name,
    warType: r.int('WarType'),
    first: null,
    last: null,
    line: r.line,
  };
  if (w.name !== name) throw r.error('WarName', `war ${warNum} is called ${JSON.stringify(w.name)} on line ${w.line}`);
  for (const s of [start, start2]) if (s && (!w.first || s.date < w.first.date)) w.first = s;
  for (const e of [end, end2]) if (e && (!w.last || e.date > w.last.date)) w.last = e;
  wars.set(warNum, w);
  const ccode = r.reqIntIn('ccode', ...CCODE);
  const k = compactKey([warNum, ccode]);
  const spell = (spells.get(k) ?? 0) + 1;
  spells.set(k, spell);
  const initiator = r.int('Initiator');
  if (initiator !== null && initiator !== 1 && initiator !== 2)
    throw r.error('Initiator', `expected 1 (initiator) or 2 (not), found ${initiator}`);
  return {
    war: w.id,
    ccode,
    name: r.text('StateName'),
    spell,
    side: r.int('Side'),
    ...dateFields('start', start),
    ...dateFields('end', end),
    ...dateFields('start2', start2),
    ...dateFields('end2', end2),
    whereFought: r.int('WhereFought'),
    initiator: initiator === null ? null : initiator === 1,
    outcome: r.int('Outcome'),
    transFrom: warList(r, 'TransFrom'),
    transTo: warList(r, 'TransTo'),
    batDeaths: r.intIn('BatDeath', ...COUNT),
  };
}

export const cowWars: Dataset = {
  name: 'cow-wars',
  title: 'COW Inter-State Wars',
  files: [
    {
      id: 'wars',
      pattern: /^Inter-?StateWarData.*\.csv(?:\.gz)?$/i,
      description: 'inter-state war participants (Inter-StateWarData_v4.0.csv)',
    },
  ],
  async prepare(files) {
    // First reading: checks every row, gathers the wars (a few hundred) and the states.
    const checks = new Checks();
    const wars = new Map<number, WarSpan>();
    const states = new StubStates();
    const spells = new Map<number | string, number>();
    const years = new Years();
    const t = await streamCsv(files.wars!, COLUMNS, (r) => {
      years.addColumns(r, ['StartYear1', 'EndYear1', 'StartYear2', 'EndYear2']);
      checks.run(0, () => states.add(participant(r, wars, spells)));
    });
    checks.throwFirst();
    spells.clear();
    const version = versionFrom(t.file, /_v?([\d.]+)\.csv(?:\.gz)?$/i, 'unknown');
    const source = SOURCES.cowWars(version);
    const stamp = randomUUID();
    const warRows = [...wars.values()].map((w) => ({
      id: w.id,
      warNum: w.warNum,
      name: w.name,
      warType: w.warType,
      ...dateFields('start', w.first),
      ...dateFields('end', w.last),
      startYear: w.first ? Number(w.first.date.slice(0, 4)) : null,
      endYear: w.last ? Number(w.last.date.slice(0, 4)) : null,
    }));
    const stateRows = states.rows();
    return {
      dataset: 'cow-wars',
      files: [t.path],
      sha256: { [t.path]: t.sha256 },
      rowsRead: t.rows,
      coverage: years.span(),
      sources: [source],
      steps: [
        writeStep(q.importWars, { rows: warRows, params: { source: source.key, stamp } }),
        writeStep(q.importStubStates, { rows: stateRows }),
        writeStep(q.importWarParticipants, {
          params: { stamp },
          rows: streamedRows(t.rows, (emit) => {
            const again = { wars: new Map<number, WarSpan>(), spells: new Map<number | string, number>() };
            return rereadCsv(t, COLUMNS, (r) => {
              const { name: _n, ...p } = participant(r, again.wars, again.spells);
              return emit(p);
            });
          }),
        }),
      ],
      // What the file no longer holds: COW's part of those wars (citation, properties), the participations;
      // then the name CDB90 gives a war COW no longer holds, and the wars no data set cites any more.
      removals: [
        removeStep(q.importWithdrawWars, { sourcePrefix: sourceKeyPrefix(source), stamp }),
        removeStep(q.importRemoveWarParticipants, { stamp }),
        removeStep(q.importWarNamesFromBattles, {}),
        removeStep(q.importRemoveWars, {}),
      ],
      nodes: { War: warRows.length, State: stateRows.length, Source: 1 },
      relationships: { FOUGHT_IN: t.rows, CITES: warRows.length },
      warnings: [],
    };
  },
};
