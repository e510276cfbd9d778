/**
 * Strategic rivalries: Thompson–Dreyer (td_rivalries.csv) and Thompson–Sakuwa–Suhas
 * (tss_rivalries.csv). One Rivalry per row (ids td-<rivalryno>, tss-<tssr_id>) with its start and
 * end years and types, and RIVAL_IN from each of the two states. Either file may be absent.
 */
import { randomUUID } from 'node:crypto';
import { CCODE, ID, rereadCsv, streamCsv, yearsFrom, type CsvRow } from './csv.js';
import { Checks, streamedRows, StubStates, UniqueKeys, Years } from './helpers.js';
import { SOURCES } from './sources.js';
import type { Dataset, PreparedImport } from './types.js';
import { removeStep, writeStep } from './writeStep.js';
import * as q from '../store/queries.gen.js';

const TSS_TYPES = ['positional', 'spatial', 'ideological', 'interventionary'] as const;
const TD_COLUMNS = [
  'rivalryno',
  'rivalryname',
  'ccode1',
  'ccode2',
  'styear',
  'endyear',
  'region',
  'type1',
  'type2',
  'type3',
];
const TSS_COLUMNS = ['tssr_id', 'rivalry', 'ccode1', 'ccode2', 'start', 'end', ...TSS_TYPES, 'principal', 'aprin'];

/** Both files reach back to the rivalries of the 1490s (Thompson–Dreyer start at 1494). */
const YEARS = yearsFrom(1400);

/** A rivalry row of either file, as `importRivalries` takes it. */
type RivalryRow = q.ImportRivalriesParams['rows'][number];

const td = (r: CsvRow): RivalryRow => ({
  id: `td-${r.reqIntIn('rivalryno', ...ID)}`,
  dataset: 'td',
  number: r.reqIntIn('rivalryno', ...ID),
  name: r.text('rivalryname'),
  ccode1: r.reqIntIn('ccode1', ...CCODE),
  ccode2: r.reqIntIn('ccode2', ...CCODE),
  startYear: r.intIn('styear', ...YEARS),
  endYear: r.intIn('endyear', ...YEARS),
  region: r.text('region'),
  types: ['type1', 'type2', 'type3'].map((c) => r.text(c)).filter((v): v is string => v !== null),
  principal: null,
  aprin: null,
});

const tss = (r: CsvRow): RivalryRow => ({
  id: `tss-${r.reqIntIn('tssr_id', ...ID)}`,
  dataset: 'tss',
  number: r.reqIntIn('tssr_id', ...ID),
  name: r.text('rivalry'),
  ccode1: r.reqIntIn('ccode1', ...CCODE),
  ccode2: r.reqIntIn('ccode2', ...CCODE),
  startYear: r.intIn('start', ...YEARS),
  endYear: r.intIn('end', ...YEARS),
  region: null,
  types: TSS_TYPES.filter((c) => r.flag(c) === true),
  principal: r.flag('principal'),
  aprin: r.flag('aprin'),
});

export const rivalries: Dataset = {
  name: 'rivalries',
  title: 'Strategic rivalries (Thompson–Dreyer; Thompson–Sakuwa–Suhas)',
  files: [
    {
      id: 'td',
      pattern: /^td_rivalries\.csv(?:\.gz)?$/i,
      description: 'Thompson–Dreyer rivalries (td_rivalries.csv)',
      optional: true,
    },
    {
      id: 'tss',
      pattern: /^tss_rivalries\.csv(?:\.gz)?$/i,
      description: 'Thompson–Sakuwa–Suhas rivalries (tss_rivalries.csv)',
      optional: true,
    },
  ],
  async prepare(files) {
    const out: PreparedImport = {
      dataset: 'rivalries',
      files: [],
      sha256: {},
      rowsRead: 0,
      coverage: null,
      sources: [],
      steps: [],
      removals: [],
      nodes: { Rivalry: 0, Source: 0 },
      relationships: { RIVAL_IN: 0, CITES: 0 },
      warnings: [],
    };
    const years = new Years();
    const stamp = randomUUID();
    /** One file, checked (key unique, then every row) before the next is read; its rows are read again to write. */
    const add = async (
      dataset: 'td' | 'tss',
      path: string,
      columns: string[],
      key: string,
      source: ReturnType<typeof SOURCES.td>,
      rivalry: (r: CsvRow) => RivalryRow,
    ) => {
      const checks = new Checks();
      const unique = new UniqueKeys(key, key);
      const states = new StubStates();
      const t = await streamCsv(path, columns, (r) => {
        checks.run(0, () => unique.check(r, r.reqIntIn(key, ...ID)));
        checks.run(1, () => {
          const x = rivalry(r);
          years.add(x.startYear, x.endYear);
          states.add({ ccode: x.ccode1 });
          states.add({ ccode: x.ccode2 });
        });
      });
      checks.throwFirst();
      out.files.push(t.path);
      out.sha256![t.path] = t.sha256;
      out.rowsRead += t.rows;
      out.sources.push(source);
      out.steps.push(writeStep(q.importStubStates, { rows: states.rows() }));
      out.steps.push(
        writeStep(q.importRivalries, {
          rows: streamedRows(t.rows, (emit) => rereadCsv(t, columns, (r) => emit(rivalry(r)))),
          params: { source: source.key, stamp },
        }),
      );
      out.removals!.push(removeStep(q.importRemoveRivalries, { dataset, stamp }));
      out.nodes.Rivalry! += t.rows;
      out.nodes.Source! += 1;
      out.relationships.RIVAL_IN! += t.rows * 2;
      out.relationships.CITES! += t.rows;
    };
    if (files.td) await add('td', files.td, TD_COLUMNS, 'rivalryno', SOURCES.td('2011'), td);
    if (files.tss) await add('tss', files.tss, TSS_COLUMNS, 'tssr_id', SOURCES.tss('2021'), tss);
    out.coverage = years.span();
    return out;
  },
};
