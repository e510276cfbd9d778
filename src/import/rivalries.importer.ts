/**
 * Strategic rivalries: Thompson–Dreyer (td_rivalries.csv) and Thompson–Sakuwa–Suhas
 * (tss_rivalries.csv). One Rivalry per row (ids td-<rivalryno>, tss-<tssr_id>) with its start and
 * end years and types, and RIVAL_IN from each of the two states. Either file may be absent.
 */
import { readCsv, type CsvTable } from './csv.js';
import { assertUnique, stubStates } from './helpers.js';
import { SOURCES } from './sources.js';
import type { Dataset, PreparedImport } from './types.js';

const TSS_TYPES = ['positional', 'spatial', 'ideological', 'interventionary'] as const;

export const rivalries: Dataset = {
  name: 'rivalries',
  title: 'Strategic rivalries (Thompson–Dreyer; Thompson–Sakuwa–Suhas)',
  files: [
    { id: 'td', pattern: /^td_rivalries\.csv(?:\.gz)?$/i, description: 'Thompson–Dreyer rivalries (td_rivalries.csv)', optional: true },
    { id: 'tss', pattern: /^tss_rivalries\.csv(?:\.gz)?$/i, description: 'Thompson–Sakuwa–Suhas rivalries (tss_rivalries.csv)', optional: true },
  ],
  async prepare(files) {
    const out: PreparedImport = { dataset: 'rivalries', files: [], rowsRead: 0, sources: [], steps: [], nodes: { Rivalry: 0, Source: 0 }, relationships: { RIVAL_IN: 0, CITES: 0 }, warnings: [] };
    const add = (t: CsvTable, source: ReturnType<typeof SOURCES.td>, rows: { id: string; ccode1: number; ccode2: number }[]) => {
      out.files.push(t.path);
      out.rowsRead += t.rows.length;
      out.sources.push(source);
      out.steps.push({ query: 'importStubStates', rows: stubStates(rows.flatMap((r) => [{ ccode: r.ccode1 }, { ccode: r.ccode2 }])) });
      out.steps.push({ query: 'importRivalries', rows, params: { source: source.key } });
      out.nodes.Rivalry! += rows.length;
      out.nodes.Source! += 1;
      out.relationships.RIVAL_IN! += rows.length * 2;
      out.relationships.CITES! += rows.length;
    };
    if (files.td) {
      const t = await readCsv(files.td, ['rivalryno', 'rivalryname', 'ccode1', 'ccode2', 'styear', 'endyear', 'region', 'type1', 'type2', 'type3']);
      assertUnique(t.rows, (r) => r.reqInt('rivalryno'), 'rivalryno', 'rivalryno');
      add(t, SOURCES.td('2011'), t.rows.map((r) => ({
        id: `td-${r.reqInt('rivalryno')}`, dataset: 'td', number: r.reqInt('rivalryno'), name: r.text('rivalryname'),
        ccode1: r.reqInt('ccode1'), ccode2: r.reqInt('ccode2'), startYear: r.int('styear'), endYear: r.int('endyear'), region: r.text('region'),
        types: ['type1', 'type2', 'type3'].map((c) => r.text(c)).filter((v): v is string => v !== null), principal: null, aprin: null,
      })));
    }
    if (files.tss) {
      const t = await readCsv(files.tss, ['tssr_id', 'rivalry', 'ccode1', 'ccode2', 'start', 'end', ...TSS_TYPES, 'principal', 'aprin']);
      assertUnique(t.rows, (r) => r.reqInt('tssr_id'), 'tssr_id', 'tssr_id');
      add(t, SOURCES.tss('2021'), t.rows.map((r) => ({
        id: `tss-${r.reqInt('tssr_id')}`, dataset: 'tss', number: r.reqInt('tssr_id'), name: r.text('rivalry'),
        ccode1: r.reqInt('ccode1'), ccode2: r.reqInt('ccode2'), startYear: r.int('start'), endYear: r.int('end'), region: null,
        types: TSS_TYPES.filter((c) => r.flag(c) === true), principal: r.flag('principal'), aprin: r.flag('aprin'),
      })));
    }
    return out;
  },
};
