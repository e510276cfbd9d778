/** COW National Material Capabilities: one Capability per state-year, HAS_CAPABILITY from the state. */
import { rereadCsv, streamCsv, type CsvRow } from './csv.js';
import { Checks, streamedRows, StubStates, UniqueKeys, versionFrom, Years } from './helpers.js';
import { SOURCES } from './sources.js';
import type { Dataset } from './types.js';
import { groupedWriteStep, writeStep } from './writeStep.js';
import * as q from '../store/queries.gen.js';

const INTS = ['milex', 'milper', 'irst', 'pec'] as const;
/** Population in thousands: the file has a few fractional values (4517.6). */
const FLOATS = ['tpop', 'upop', 'cinc'] as const;
const COLUMNS = ['stateabb', 'ccode', 'year', ...INTS, ...FLOATS];

function capability(r: CsvRow) {
  const ccode = r.reqInt('ccode');
  const year = r.reqInt('year');
  // The columns of INTS and FLOATS, spelled out (this runs twice per row).
  return {
    id: `${ccode}-${year}`,
    ccode,
    year,
    abbrev: r.text('stateabb'),
    milex: r.int('milex'),
    milper: r.int('milper'),
    irst: r.int('irst'),
    pec: r.int('pec'),
    tpop: r.float('tpop'),
    upop: r.float('upop'),
    cinc: r.float('cinc'),
  };
}

export const nmc: Dataset = {
  name: 'nmc',
  title: 'COW National Material Capabilities',
  files: [
    {
      id: 'nmc',
      pattern: /^NMC[-_ ]?[\d.]+.*\.csv(?:\.gz)?$/i,
      description: 'NMC state-year file (NMC-60-abridged.csv)',
    },
  ],
  async prepare(files) {
    // First reading: checks every row; keeps the state-year keys (packed numbers) and the states.
    const checks = new Checks();
    const unique = new UniqueKeys('state-year', 'year');
    const states = new StubStates();
    const years = new Years();
    const t = await streamCsv(files.nmc!, COLUMNS, (r) => {
      years.addColumns(r, ['year']);
      checks.run(0, () => unique.check(r, [r.reqInt('ccode'), r.reqInt('year')]));
      checks.run(1, () => states.add(capability(r)));
    });
    checks.throwFirst();
    const version = versionFrom(t.file, /NMC[-_ ]?v?(\d)\.?(\d)/i, 'unknown');
    const source = SOURCES.nmc(version);
    return {
      dataset: 'nmc',
      files: [t.path],
      sha256: { [t.path]: t.sha256 },
      rowsRead: t.rows,
      coverage: years.span(),
      sources: [source],
      steps: [
        writeStep(q.importStubStates, { rows: states.rows() }),
        groupedWriteStep(q.importCapabilities, 'ccode', {
          params: { source: source.key },
          rows: streamedRows(t.rows, (emit) =>
            rereadCsv(t, COLUMNS, (r) => {
              const { abbrev: _a, ...c } = capability(r);
              return emit(c);
            }),
          ),
        }),
      ],
      nodes: { Capability: t.rows, State: states.rows().length, Source: 1 },
      relationships: { HAS_CAPABILITY: t.rows, CITES: t.rows },
      warnings: [],
    };
  },
};
