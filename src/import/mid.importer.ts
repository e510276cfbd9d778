/**
 * COW Militarized Interstate Disputes (MIDA dispute level, MIDB participant level): one Dispute per
 * MIDA row, one PARTICIPATED_IN per MIDB row (a state with several rows in a dispute gets spells 1, 2, ...).
 */
import { randomUUID } from 'node:crypto';
import { CCODE, COUNT, ID, rereadCsv, streamCsv, yearsFrom, type CsvRow } from './csv.js';
import {
  Checks,
  compactKey,
  dateFields,
  dateOf,
  streamedRows,
  StubStates,
  UniqueKeys,
  VersionColumn,
  versionFrom,
  Years,
} from './helpers.js';
import { SOURCES } from './sources.js';
import type { Dataset } from './types.js';
import { removeStep, writeStep } from './writeStep.js';
import * as q from '../store/queries.gen.js';

const DATES = ['stday', 'stmon', 'styear', 'endday', 'endmon', 'endyear'];
const DISPUTE_COLUMNS = [
  'dispnum3',
  'dispnum4',
  ...DATES,
  'outcome',
  'settle',
  'fatality',
  'fatalpre',
  'maxdur',
  'mindur',
  'hiact',
  'hostlev',
  'recip',
  'numa',
  'numb',
  'link1',
  'link2',
  'link3',
  'ongo2010',
];
const PARTICIPANT_COLUMNS = [
  'dispnum3',
  'stabb',
  'ccode',
  ...DATES,
  'sidea',
  'revstate',
  'revtype1',
  'revtype2',
  'fatality',
  'fatalpre',
  'hiact',
  'hostlev',
  'orig',
];

/** MID's span (COW: 1816 onwards). */
const YEARS = yearsFrom(1816);

function dispute(r: CsvRow, version: string) {
  const start = dateOf(r, 'styear', 'stmon', 'stday', YEARS);
  const end = dateOf(r, 'endyear', 'endmon', 'endday', YEARS);
  return {
    id: `mid-${r.reqIntIn('dispnum3', ...ID)}`,
    dispnum: r.reqIntIn('dispnum3', ...ID),
    dispnum4: r.intIn('dispnum4', ...ID),
    ...dateFields('start', start),
    ...dateFields('end', end),
    startYear: r.intIn('styear', ...YEARS),
    endYear: r.intIn('endyear', ...YEARS),
    outcome: r.int('outcome'),
    settle: r.int('settle'),
    fatality: r.int('fatality'),
    fatalpre: r.int('fatalpre'),
    maxdur: r.intIn('maxdur', ...COUNT),
    mindur: r.intIn('mindur', ...COUNT),
    hiact: r.int('hiact'),
    hostlev: r.int('hostlev'),
    recip: r.flag('recip'),
    numa: r.intIn('numa', ...COUNT),
    numb: r.intIn('numb', ...COUNT),
    link1: r.text('link1'),
    link2: r.text('link2'),
    link3: r.text('link3'),
    ongoing: r.flag('ongo2010'),
    version,
  };
}

/** A participant row; `spells` counts the rows of each state in each dispute so far (in file order). */
function participant(
  r: CsvRow,
  disputes: ReadonlySet<number>,
  disputeFile: string,
  spells: Map<number | string, number>,
) {
  const dispnum = r.reqIntIn('dispnum3', ...ID);
  const dispute = `mid-${dispnum}`;
  if (!disputes.has(dispnum))
    throw r.error('dispnum3', `dispute ${r.reqIntIn('dispnum3', ...ID)} is not in ${disputeFile}`);
  const ccode = r.reqIntIn('ccode', ...CCODE);
  const k = compactKey([dispnum, ccode]);
  const spell = (spells.get(k) ?? 0) + 1;
  spells.set(k, spell);
  return {
    dispute,
    ccode,
    abbrev: r.text('stabb'),
    spell,
    sideA: r.flag('sidea'),
    ...dateFields('start', dateOf(r, 'styear', 'stmon', 'stday', YEARS)),
    ...dateFields('end', dateOf(r, 'endyear', 'endmon', 'endday', YEARS)),
    revstate: r.flag('revstate'),
    revtype1: r.int('revtype1'),
    revtype2: r.int('revtype2'),
    fatality: r.int('fatality'),
    fatalpre: r.int('fatalpre'),
    hiact: r.int('hiact'),
    hostlev: r.int('hostlev'),
    orig: r.flag('orig'),
  };
}

export const mid: Dataset = {
  name: 'mid',
  title: 'COW Militarized Interstate Disputes',
  files: [
    { id: 'disputes', pattern: /^MIDA_[\d.]+\.csv(?:\.gz)?$/i, description: 'dispute-level file (MIDA_4.3.csv)' },
    {
      id: 'participants',
      pattern: /^MIDB_[\d.]+\.csv(?:\.gz)?$/i,
      description: 'participant-level file (MIDB_4.3.csv)',
    },
  ],
  async prepare(files) {
    // First reading: the checks in the order they were stated over whole files (see Checks); kept:
    // the dispute numbers, the state-in-dispute keys (packed numbers) and the states.
    const checks = new Checks();
    const versions = new VersionColumn();
    const unique = new UniqueKeys('dispnum3', 'dispnum3');
    const disputes = new Set<number>();
    const years = new Years();
    const a = await streamCsv(files.disputes!, DISPUTE_COLUMNS, (r) => {
      years.addColumns(r, ['styear', 'endyear']);
      checks.run(0, () => versions.add(r));
      checks.run(1, () => unique.check(r, r.reqIntIn('dispnum3', ...ID)));
      checks.run(2, () => {
        disputes.add(dispute(r, '').dispnum);
      });
    });
    const states = new StubStates();
    let spells: Map<number | string, number> | null = new Map();
    const b = await streamCsv(files.participants!, PARTICIPANT_COLUMNS, (r) => {
      checks.run(3, () => states.add(participant(r, disputes, a.file, spells!)));
    });
    spells = null;
    checks.throwFirst();
    const version = versionFrom(a.file, /MIDA_([\d.]+)\.csv(?:\.gz)?$/i, versions.value() ?? 'unknown');
    const source = SOURCES.mid(version);
    const stamp = randomUUID();
    return {
      dataset: 'mid',
      files: [a.path, b.path],
      sha256: { [a.path]: a.sha256, [b.path]: b.sha256 },
      rowsRead: a.rows + b.rows,
      coverage: years.span(),
      sources: [source],
      steps: [
        writeStep(q.importDisputes, {
          params: { source: source.key, stamp },
          rows: streamedRows(a.rows, (emit) => rereadCsv(a, DISPUTE_COLUMNS, (r) => emit(dispute(r, version)))),
        }),
        writeStep(q.importStubStates, { rows: states.rows() }),
        writeStep(q.importDisputeParticipants, {
          params: { stamp },
          rows: streamedRows(b.rows, (emit) => {
            const spellsAgain = new Map<number | string, number>();
            return rereadCsv(b, PARTICIPANT_COLUMNS, (r) => {
              const { abbrev: _a, ...p } = participant(r, disputes, a.file, spellsAgain);
              return emit(p);
            });
          }),
        }),
      ],
      removals: [
        removeStep(q.importRemoveDisputeParticipants, { stamp }),
        removeStep(q.importRemoveDisputes, { stamp }),
      ],
      nodes: { Dispute: a.rows, State: states.rows().length, Source: 1 },
      relationships: { PARTICIPATED_IN: b.rows, CITES: a.rows },
      warnings: [],
    };
  },
};
