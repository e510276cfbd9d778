/**
 * COW State System Membership (states2016 spells, majors2016): one State per ccode with COW's
 * abbreviation and name, one IN_SYSTEM per membership spell and one MAJOR_POWER per major-power spell.
 */
import { readCsv } from './csv.js';
import { dateOf, versionColumn } from './helpers.js';
import { SOURCES } from './sources.js';
import type { Dataset } from './types.js';

const SPELL = ['stateabb', 'ccode', 'styear', 'stmonth', 'stday', 'endyear', 'endmonth', 'endday'];

export const cowStates: Dataset = {
  name: 'cow-states',
  title: 'COW State System Membership',
  files: [
    { id: 'states', pattern: /^(states\d{4}|cow_states)\.csv(?:\.gz)?$/i, description: 'state system membership spells (states2016.csv)' },
    { id: 'majors', pattern: /^majors\d{4}\.csv(?:\.gz)?$/i, description: 'major-power spells (majors2016.csv)' },
  ],
  async prepare(files) {
    const states = await readCsv(files.states!, [...SPELL, 'statenme']);
    const majors = await readCsv(files.majors!, SPELL);
    const version = versionColumn(states.rows) ?? '2016';
    const source = SOURCES.cowStates(version);
    const spell = (r: (typeof states.rows)[number]) => {
      const start = dateOf(r, 'styear', 'stmonth', 'stday');
      if (!start) throw r.error('styear', 'a spell needs a start year');
      const end = dateOf(r, 'endyear', 'endmonth', 'endday');
      return { ccode: r.reqInt('ccode'), start: start.date, end: end?.date ?? null };
    };
    const byCcode = new Map<number, { ccode: number; abbrev: string; name: string }>();
    const spells = states.rows.map((r) => {
      const s = spell(r);
      const abbrev = r.text('stateabb');
      const name = r.text('statenme');
      if (!abbrev || !name) throw r.error(abbrev ? 'statenme' : 'stateabb', 'a state needs an abbreviation and a name');
      byCcode.set(s.ccode, { ccode: s.ccode, abbrev, name });
      return s;
    });
    const majorSpells = majors.rows.map((r) => {
      const s = spell(r);
      if (!byCcode.has(s.ccode)) throw r.error('ccode', `ccode ${s.ccode} is not in ${states.file}`);
      return s;
    });
    return {
      dataset: 'cow-states', files: [states.path, majors.path], rowsRead: states.rows.length + majors.rows.length, sources: [source],
      steps: [
        { query: 'importStates', rows: [...byCcode.values()], params: { source: source.key } },
        { query: 'importSystemSpells', rows: spells },
        { query: 'importMajorPowerSpells', rows: majorSpells },
      ],
      nodes: { State: byCcode.size, StateSystem: 1, Source: 1 },
      relationships: { IN_SYSTEM: spells.length, MAJOR_POWER: majorSpells.length, CITES: byCcode.size },
      warnings: [],
    };
  },
};
