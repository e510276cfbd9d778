/**
 * Leeds–Savun external threat scores: one ThreatScore per state-year. Rows without a ccode (the file
 * has a few, all with score 0) cannot belong to a state: they are left out and listed as warnings.
 */
import { randomUUID } from 'node:crypto';
import { CCODE, rereadCsv, streamCsv, yearsFrom, type CsvRow } from './csv.js';
import { Checks, streamedRows, StubStates, UniqueKeys, Years } from './helpers.js';
import { SOURCES } from './sources.js';
import type { Dataset } from './types.js';
import { groupedWriteStep, removeStep, writeStep } from './writeStep.js';
import * as q from '../store/queries.gen.js';

const COLUMNS = ['ccode', 'year', 'lsthreat'];
/** COW's span, which the scores follow. */
const YEARS = yearsFrom(1816);

function score(r: CsvRow) {
  const ccode = r.reqIntIn('ccode', ...CCODE);
  const year = r.reqIntIn('year', ...YEARS);
  return { id: `${ccode}-${year}`, ccode, year, score: r.float('lsthreat') };
}

export const threat: Dataset = {
  name: 'threat',
  title: 'Leeds–Savun external threat',
  files: [
    {
      id: 'threat',
      pattern: /^(leeds[-_ ]?savun.*|lsthreat.*)\.csv(?:\.gz)?$/i,
      description: 'state-year threat scores (leeds-savun-threat.csv)',
    },
  ],
  async prepare(files) {
    const checks = new Checks();
    const unique = new UniqueKeys('state-year', 'year');
    const states = new StubStates();
    const dropped: number[] = [];
    let kept = 0;
    const years = new Years();
    const t = await streamCsv(files.threat!, COLUMNS, (r) => {
      const ccode = checks.run(0, () => r.intIn('ccode', ...CCODE));
      if (checks.failed(0)) return;
      if (ccode === null) {
        dropped.push(r.line);
        return;
      }
      kept++;
      years.addColumns(r, ['year']);
      checks.run(1, () => unique.check(r, [r.reqIntIn('ccode', ...CCODE), r.reqIntIn('year', ...YEARS)]));
      checks.run(2, () => states.add(score(r)));
    });
    checks.throwFirst();
    const source = SOURCES.threat('2007');
    const stamp = randomUUID();
    return {
      dataset: 'threat',
      files: [t.path],
      sha256: { [t.path]: t.sha256 },
      rowsRead: t.rows,
      coverage: years.span(),
      sources: [source],
      steps: [
        writeStep(q.importStubStates, { rows: states.rows() }),
        groupedWriteStep(q.importThreatScores, 'ccode', {
          params: { source: source.key, stamp },
          rows: streamedRows(kept, (emit) =>
            rereadCsv(t, COLUMNS, (r) => (r.intIn('ccode', ...CCODE) === null ? undefined : emit(score(r)))),
          ),
        }),
      ],
      removals: [removeStep(q.importRemoveThreatScores, { stamp })],
      nodes: { ThreatScore: kept, State: states.rows().length, Source: 1 },
      relationships: { HAS_THREAT_SCORE: kept, CITES: kept },
      warnings: dropped.length
        ? [`${t.file}: ${dropped.length} row(s) without a ccode left out (lines ${dropped.join(', ')})`]
        : [],
    };
  },
};
