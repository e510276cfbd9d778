/**
 * Leeds–Savun external threat scores: one ThreatScore per state-year. Rows without a ccode (the file
 * has a few, all with score 0) cannot belong to a state: they are left out and listed as warnings.
 */
import { readCsv } from './csv.js';
import { assertUnique, stubStates } from './helpers.js';
import { SOURCES } from './sources.js';
import type { Dataset } from './types.js';

export const threat: Dataset = {
  name: 'threat',
  title: 'Leeds–Savun external threat',
  files: [{ id: 'threat', pattern: /^(leeds[-_ ]?savun.*|lsthreat.*)\.csv(?:\.gz)?$/i, description: 'state-year threat scores (leeds-savun-threat.csv)' }],
  async prepare(files) {
    const t = await readCsv(files.threat!, ['ccode', 'year', 'lsthreat']);
    const source = SOURCES.threat('2007');
    const kept = t.rows.filter((r) => r.int('ccode') !== null);
    const dropped = t.rows.filter((r) => r.int('ccode') === null);
    assertUnique(kept, (r) => [r.reqInt('ccode'), r.reqInt('year')], 'state-year', 'year');
    const rows = kept.map((r) => {
      const ccode = r.reqInt('ccode');
      const year = r.reqInt('year');
      return { id: `${ccode}-${year}`, ccode, year, score: r.float('lsthreat') };
    });
    const states = stubStates(rows);
    return {
      dataset: 'threat', files: [t.path], rowsRead: t.rows.length, sources: [source],
      steps: [
        { query: 'importStubStates', rows: states },
        { query: 'importThreatScores', rows, params: { source: source.key }, groupBy: 'ccode' },
      ],
      nodes: { ThreatScore: rows.length, State: states.length, Source: 1 },
      relationships: { HAS_THREAT_SCORE: rows.length, CITES: rows.length },
      warnings: dropped.length
        ? [`${t.file}: ${dropped.length} row(s) without a ccode left out (lines ${dropped.map((r) => r.line).join(', ')})`]
        : [],
    };
  },
};
