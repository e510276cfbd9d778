/** COW National Material Capabilities: one Capability per state-year, HAS_CAPABILITY from the state. */
import { randomUUID } from 'node:crypto';
import { CCODE, COUNT, rereadCsv, streamCsv, yearsFrom, type CsvRow } from './csv.js';
import { Checks, streamedRows, StubStates, UniqueKeys, versionFrom, Years } from './helpers.js';
import { SOURCES } from './sources.js';
import type { Dataset } from './types.js';
import { groupedWriteStep, removeStep, writeStep } from './writeStep.js';
import * as q from '../store/queries.gen.js';

const INTS = ['milex', 'milper', 'irst', 'pec'] as const;
/** Population in thousands: the file has a few fractional values (4517.6). */
const FLOATS = ['tpop', 'upop', 'cinc'] as const;
const COLUMNS = ['stateabb', 'ccode', 'year', ...INTS, ...FLOATS];

/** NMC's span (1816 onwards); a later edition may run past 2016, not past 2100. */
const YEARS = yearsFrom(1816);

function capability(r: CsvRow) {
  // COW country codes run 2–990: a missing-value code (-9) or 99999 is refused, not made a State.
  const ccode = r.reqIntIn('ccode', ...CCODE);
  const year = r.reqIntIn('year', ...YEARS);
  // The columns of INTS and FLOATS, spelled out (this runs twice per row); counts are never
  // negative, a CINC is a share of the system's capabilities (0–1).
  return {
    id: `${ccode}-${year}`,
    ccode,
    year,
    abbrev: r.text('stateabb'),
    milex: r.intIn('milex', ...COUNT),
    milper: r.intIn('milper', ...COUNT),
    irst: r.intIn('irst', ...COUNT),
    pec: r.intIn('pec', ...COUNT),
    tpop: r.floatIn('tpop', 0, Number.MAX_VALUE),
    upop: r.floatIn('upop', 0, Number.MAX_VALUE),
    cinc: r.floatIn('cinc', 0, 1),
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
      checks.run(0, () => unique.check(r, [r.reqIntIn('ccode', ...CCODE), r.reqIntIn('year', ...YEARS)]));
      checks.run(1, () => states.add(capability(r)));
    });
    checks.throwFirst();
    const version = versionFrom(t.file, /NMC[-_ ]?v?(\d)\.?(\d)/i, 'unknown');
    const source = SOURCES.nmc(version);
    const stamp = randomUUID();
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
          params: { source: source.key, stamp },
          rows: streamedRows(t.rows, (emit) =>
            rereadCsv(t, COLUMNS, (r) => {
              const { abbrev: _a, ...c } = capability(r);
              return emit(c);
            }),
          ),
        }),
      ],
      removals: [removeStep(q.importRemoveCapabilities, { stamp })],
      nodes: { Capability: t.rows, State: states.rows().length, Source: 1 },
      relationships: { HAS_CAPABILITY: t.rows, CITES: t.rows },
      warnings: [],
    };
  },
};
