/** COW National Material Capabilities: one Capability per state-year, HAS_CAPABILITY from the state. */
import { readCsv } from './csv.js';
import { assertUnique, stubStates, versionFrom } from './helpers.js';
import { SOURCES } from './sources.js';
import type { Dataset } from './types.js';

const INTS = ['milex', 'milper', 'irst', 'pec'] as const;
/** Population in thousands: the file has a few fractional values (4517.6). */
const FLOATS = ['tpop', 'upop', 'cinc'] as const;

export const nmc: Dataset = {
  name: 'nmc',
  title: 'COW National Material Capabilities',
  files: [{ id: 'nmc', pattern: /^NMC[-_ ]?[\d.]+.*\.csv(?:\.gz)?$/i, description: 'NMC state-year file (NMC-60-abridged.csv)' }],
  async prepare(files) {
    const t = await readCsv(files.nmc!, ['stateabb', 'ccode', 'year', ...INTS, ...FLOATS]);
    const version = versionFrom(t.file, /NMC[-_ ]?v?(\d)\.?(\d)/i, 'unknown');
    const source = SOURCES.nmc(version);
    assertUnique(t.rows, (r) => [r.reqInt('ccode'), r.reqInt('year')], 'state-year', 'year');
    const rows = t.rows.map((r) => {
      const ccode = r.reqInt('ccode');
      const year = r.reqInt('year');
      return {
        id: `${ccode}-${year}`, ccode, year, abbrev: r.text('stateabb'),
        ...Object.fromEntries(INTS.map((v) => [v, r.int(v)])), ...Object.fromEntries(FLOATS.map((v) => [v, r.float(v)])),
      };
    });
    const states = stubStates(rows);
    return {
      dataset: 'nmc', files: [t.path], rowsRead: t.rows.length, sources: [source],
      steps: [
        { query: 'importStubStates', rows: states },
        { query: 'importCapabilities', rows: rows.map(({ abbrev: _a, ...c }) => c), params: { source: source.key }, groupBy: 'ccode' },
      ],
      nodes: { Capability: rows.length, State: states.length, Source: 1 },
      relationships: { HAS_CAPABILITY: rows.length, CITES: rows.length },
      warnings: [],
    };
  },
};
