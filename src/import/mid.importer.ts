/**
 * COW Militarized Interstate Disputes (MIDA dispute level, MIDB participant level): one Dispute per
 * MIDA row, one PARTICIPATED_IN per MIDB row (a state with several rows in a dispute gets spells 1, 2, ...).
 */
import { readCsv } from './csv.js';
import { assertUnique, dateFields, dateOf, stubStates, versionColumn, versionFrom } from './helpers.js';
import { SOURCES } from './sources.js';
import type { Dataset } from './types.js';

const DATES = ['stday', 'stmon', 'styear', 'endday', 'endmon', 'endyear'];

export const mid: Dataset = {
  name: 'mid',
  title: 'COW Militarized Interstate Disputes',
  files: [
    { id: 'disputes', pattern: /^MIDA_[\d.]+\.csv(?:\.gz)?$/i, description: 'dispute-level file (MIDA_4.3.csv)' },
    { id: 'participants', pattern: /^MIDB_[\d.]+\.csv(?:\.gz)?$/i, description: 'participant-level file (MIDB_4.3.csv)' },
  ],
  async prepare(files) {
    const a = await readCsv(files.disputes!, ['dispnum3', 'dispnum4', ...DATES, 'outcome', 'settle', 'fatality', 'fatalpre', 'maxdur', 'mindur', 'hiact', 'hostlev', 'recip', 'numa', 'numb', 'link1', 'link2', 'link3', 'ongo2010']);
    const b = await readCsv(files.participants!, ['dispnum3', 'stabb', 'ccode', ...DATES, 'sidea', 'revstate', 'revtype1', 'revtype2', 'fatality', 'fatalpre', 'hiact', 'hostlev', 'orig']);
    const version = versionFrom(a.file, /MIDA_([\d.]+)\.csv(?:\.gz)?$/i, versionColumn(a.rows) ?? 'unknown');
    const source = SOURCES.mid(version);
    assertUnique(a.rows, (r) => r.reqInt('dispnum3'), 'dispnum3', 'dispnum3');
    const disputes = a.rows.map((r) => {
      const start = dateOf(r, 'styear', 'stmon', 'stday');
      const end = dateOf(r, 'endyear', 'endmon', 'endday');
      return {
        id: `mid-${r.reqInt('dispnum3')}`, dispnum: r.reqInt('dispnum3'), dispnum4: r.int('dispnum4'),
        ...dateFields('start', start), ...dateFields('end', end), startYear: r.int('styear'), endYear: r.int('endyear'),
        outcome: r.int('outcome'), settle: r.int('settle'), fatality: r.int('fatality'), fatalpre: r.int('fatalpre'),
        maxdur: r.int('maxdur'), mindur: r.int('mindur'), hiact: r.int('hiact'), hostlev: r.int('hostlev'), recip: r.flag('recip'),
        numa: r.int('numa'), numb: r.int('numb'), link1: r.text('link1'), link2: r.text('link2'), link3: r.text('link3'),
        ongoing: r.flag('ongo2010'), version,
      };
    });
    const ids = new Set(disputes.map((d) => d.id));
    const spells = new Map<string, number>();
    const participants = b.rows.map((r) => {
      const dispute = `mid-${r.reqInt('dispnum3')}`;
      if (!ids.has(dispute)) throw r.error('dispnum3', `dispute ${r.reqInt('dispnum3')} is not in ${a.file}`);
      const ccode = r.reqInt('ccode');
      const k = `${dispute}/${ccode}`;
      const spell = (spells.get(k) ?? 0) + 1;
      spells.set(k, spell);
      return {
        dispute, ccode, abbrev: r.text('stabb'), spell, sideA: r.flag('sidea'),
        ...dateFields('start', dateOf(r, 'styear', 'stmon', 'stday')), ...dateFields('end', dateOf(r, 'endyear', 'endmon', 'endday')),
        revstate: r.flag('revstate'), revtype1: r.int('revtype1'), revtype2: r.int('revtype2'), fatality: r.int('fatality'),
        fatalpre: r.int('fatalpre'), hiact: r.int('hiact'), hostlev: r.int('hostlev'), orig: r.flag('orig'),
      };
    });
    const states = stubStates(participants);
    return {
      dataset: 'mid', files: [a.path, b.path], rowsRead: a.rows.length + b.rows.length, sources: [source],
      steps: [
        { query: 'importDisputes', rows: disputes, params: { source: source.key } },
        { query: 'importStubStates', rows: states },
        { query: 'importDisputeParticipants', rows: participants.map(({ abbrev: _a, ...p }) => p) },
      ],
      nodes: { Dispute: disputes.length, State: states.length, Source: 1 },
      relationships: { PARTICIPATED_IN: participants.length, CITES: disputes.length },
      warnings: [],
    };
  },
};
