/**
 * COW State System Membership (states2016 spells, majors2016): one State per ccode with COW's
 * abbreviation and name, one IN_SYSTEM per membership spell and one MAJOR_POWER per major-power spell.
 */
import { randomUUID } from 'node:crypto';
import { CCODE, rereadCsv, streamCsv, yearsFrom, type CsvRow } from './csv.js';
import { Checks, dateOf, streamedRows, VersionColumn, Years } from './helpers.js';
import { SOURCES } from './sources.js';
import type { Dataset } from './types.js';
import { removeStep, writeStep } from './writeStep.js';
import * as q from '../store/queries.gen.js';

const SPELL = ['stateabb', 'ccode', 'styear', 'stmonth', 'stday', 'endyear', 'endmonth', 'endday'];
const STATE_COLUMNS = [...SPELL, 'statenme'];
/** The COW state system's span. */
const YEARS = yearsFrom(1816);

function spell(r: CsvRow) {
  const start = dateOf(r, 'styear', 'stmonth', 'stday', YEARS);
  if (!start) throw r.error('styear', 'a spell needs a start year');
  const end = dateOf(r, 'endyear', 'endmonth', 'endday', YEARS);
  return { ccode: r.reqIntIn('ccode', ...CCODE), start: start.date, end: end?.date ?? null };
}

function stateSpell(r: CsvRow) {
  const s = spell(r);
  const abbrev = r.text('stateabb');
  const name = r.text('statenme');
  if (!abbrev || !name) throw r.error(abbrev ? 'statenme' : 'stateabb', 'a state needs an abbreviation and a name');
  return { spell: s, state: { ccode: s.ccode, abbrev, name } };
}

export const cowStates: Dataset = {
  name: 'cow-states',
  title: 'COW State System Membership',
  files: [
    {
      id: 'states',
      pattern: /^(states\d{4}|cow_states)\.csv(?:\.gz)?$/i,
      description: 'state system membership spells (states2016.csv)',
    },
    { id: 'majors', pattern: /^majors\d{4}\.csv(?:\.gz)?$/i, description: 'major-power spells (majors2016.csv)' },
  ],
  async prepare(files) {
    // First reading: the checks in the order they were stated over whole files (see Checks); kept: the states.
    const checks = new Checks();
    const versions = new VersionColumn();
    const byCcode = new Map<number, { ccode: number; abbrev: string; name: string }>();
    const years = new Years();
    const states = await streamCsv(files.states!, STATE_COLUMNS, (r) => {
      years.addColumns(r, ['styear', 'endyear']);
      checks.run(0, () => versions.add(r));
      checks.run(1, () => {
        const { state } = stateSpell(r);
        byCcode.set(state.ccode, state);
      });
    });
    const majorRow = (r: CsvRow) => {
      const s = spell(r);
      if (!byCcode.has(s.ccode)) throw r.error('ccode', `ccode ${s.ccode} is not in ${states.file}`);
      return s;
    };
    const majors = await streamCsv(files.majors!, SPELL, (r) => {
      checks.run(2, () => majorRow(r));
    });
    checks.throwFirst();
    const version = versions.value() ?? '2016';
    const source = SOURCES.cowStates(version);
    const stamp = randomUUID();
    return {
      dataset: 'cow-states',
      files: [states.path, majors.path],
      sha256: { [states.path]: states.sha256, [majors.path]: majors.sha256 },
      rowsRead: states.rows + majors.rows,
      coverage: years.span(),
      sources: [source],
      steps: [
        writeStep(q.importStates, { rows: [...byCcode.values()], params: { source: source.key } }),
        writeStep(q.importSystemSpells, {
          params: { stamp },
          rows: streamedRows(states.rows, (emit) => rereadCsv(states, STATE_COLUMNS, (r) => emit(stateSpell(r).spell))),
        }),
        writeStep(q.importMajorPowerSpells, {
          params: { stamp },
          rows: streamedRows(majors.rows, (emit) => rereadCsv(majors, SPELL, (r) => emit(majorRow(r)))),
        }),
      ],
      removals: [
        removeStep(q.importRemoveSystemSpells, { stamp }),
        removeStep(q.importRemoveMajorPowerSpells, { stamp }),
      ],
      nodes: { State: byCcode.size, StateSystem: 1, Source: 1 },
      relationships: { IN_SYSTEM: states.rows, MAJOR_POWER: majors.rows, CITES: byCcode.size },
      warnings: [],
    };
  },
};
