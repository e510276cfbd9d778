/**
 * ATOP (alliance, phase and member files): one Treaty per alliance (MERGE on atopId, so a curated treaty
 * with that ATOP id is the same node), one TreatyPhase per alliance-phase row, one MEMBER_OF per member
 * row, and for `statthr1`/`statthr2` a DIRECTED_AGAINST to the Threat `state-<ccode>` POSED_BY that state.
 * A re-import removes what the files no longer hold and withdraws ATOP's part of the curated treaties
 * whose alliance they no longer hold (src/import/README.md, "Re-imports replace").
 *
 * Dates: `begyr/begmo/begday` and `endyr/endmo/endday` (member: `yrent...`, `yrexit...`); 0 or blank
 * means unknown, an end year of 0 means the alliance (membership) had not ended.
 */
import { randomUUID } from 'node:crypto';
import { ATOP_CCODE, ID, rereadCsv, streamCsv, yearsFrom, type CsvRow } from './csv.js';
import { Checks, dateFields, dateOf, streamedRows, StubStates, UniqueKeys, VersionColumn, Years } from './helpers.js';
import { SOURCES, sourceKeyPrefix } from './sources.js';
import {
  ATOP_CONDITION_DETAILS,
  curatedMemberships,
  flagsOf,
  OBLIGATIONS,
  OBLIGATION_INFO,
  varyingObligations,
} from '../domain/index.js';
import { ATOP_DYAD_CORRECTIONS } from './atopDyadCorrections.js';
import type { Dataset } from './types.js';
import { removeStep, writeStep, type RemoveStep } from './writeStep.js';
import * as q from '../store/queries.gen.js';

const DATES = ['begyr', 'begmo', 'begday', 'endyr', 'endmo', 'endday'];
/** ATOP's obligation columns (`defense` … `consul`), in the domain's order. */
const FLAGS = OBLIGATIONS.map((o) => OBLIGATION_INFO[o].atopColumn);
const CONDITIONS = ['defcon', 'offcon', 'neucon', 'concon'];
/** A row's obligations: their names, and the boolean property of each (null where ATOP leaves it blank). */
function obligations(r: CsvRow) {
  const flags = Object.fromEntries(
    OBLIGATIONS.map((o) => [OBLIGATION_INFO[o].flag, r.flag(OBLIGATION_INFO[o].atopColumn)]),
  ) as Record<(typeof OBLIGATION_INFO)[keyof typeof OBLIGATION_INFO]['flag'], boolean | null>;
  return {
    obligations: OBLIGATIONS.filter((o) => flags[OBLIGATION_INFO[o].flag]),
    ...flags,
    conditional: r.flag('conditio'),
  };
}

const ALLIANCE_COLUMNS = [
  'atopid',
  'cowid',
  ...DATES,
  'ineffect',
  'bilat',
  'maxphase',
  ...FLAGS,
  'conditio',
  'specthrt',
  'statthr1',
  'statthr2',
];
const PHASE_COLUMNS = ['atopid', 'atopidphase', 'phase', ...DATES, ...FLAGS, 'conditio'];
const MEMBER_COLUMNS = [
  'atopid',
  'member',
  'phase',
  'yrent',
  'moent',
  'dayent',
  'yrexit',
  'moexit',
  'dayexit',
  ...FLAGS,
  'conditio',
  ...CONDITIONS,
  ...ATOP_CONDITION_DETAILS,
  'asymm',
  'obvary',
  'bilat',
  'ineffect',
  'cowsys',
  'termmode',
  'termcaus',
];

/** ATOP's span (1815 onwards). */
const YEARS = yearsFrom(1815);
/** Phases are numbered from 0. */
const PHASE = [0, ID[1]] as const;
/** `statthr1`/`statthr2`: a member code, or 0 for none. */
const THREAT_CCODE = [0, ATOP_CCODE[1]] as const;

function treaty(r: CsvRow, version: string) {
  const atopId = r.reqIntIn('atopid', ...ID);
  const signed = dateOf(r, 'begyr', 'begmo', 'begday', YEARS);
  if (!signed) throw r.error('begyr', 'an alliance needs a start year');
  return {
    atopId,
    cowId: r.int('cowid'),
    ...dateFields('signed', signed),
    signedYear: Number(signed.date.slice(0, 4)),
    ...dateFields('ended', dateOf(r, 'endyr', 'endmo', 'endday', YEARS)),
    inEffect: r.flag('ineffect'),
    bilateral: r.flag('bilat'),
    maxPhase: r.int('maxphase'),
    ...obligations(r),
    specificThreat: r.int('specthrt'),
    atopVersion: version,
  };
}

/** The states an alliance names as its threats (statthr1, statthr2). */
function threatsOf(r: CsvRow) {
  const cc = new Set(
    [r.intIn('statthr1', ...THREAT_CCODE), r.intIn('statthr2', ...THREAT_CCODE)].filter(
      (c): c is number => c !== null && c !== 0,
    ),
  );
  return [...cc].map((ccode) => ({ atopId: r.reqIntIn('atopid', ...ID), ccode }));
}

function phase(r: CsvRow, known: (r: CsvRow) => number) {
  const start = dateOf(r, 'begyr', 'begmo', 'begday', YEARS);
  return {
    id: `atop-${r.cell('atopidphase')}`,
    atopId: known(r),
    phase: r.reqIntIn('phase', ...PHASE),
    ...dateFields('start', start),
    ...dateFields('end', dateOf(r, 'endyr', 'endmo', 'endday', YEARS)),
    ...obligations(r),
  };
}

function member(r: CsvRow, known: (r: CsvRow) => number) {
  const entry = dateOf(r, 'yrent', 'moent', 'dayent', YEARS);
  if (!entry) throw r.error('yrent', 'a membership needs an entry year');
  return {
    atopId: known(r),
    ccode: r.reqIntIn('member', ...ATOP_CCODE),
    phase: r.reqIntIn('phase', ...PHASE),
    ...dateFields('entry', entry),
    ...dateFields('exit', dateOf(r, 'yrexit', 'moexit', 'dayexit', YEARS)),
    // The member's own obligations and their conditions in this phase (ATOP member level).
    ...obligations(r),
    defcon: r.flag('defcon'),
    offcon: r.flag('offcon'),
    neucon: r.flag('neucon'),
    concon: r.flag('concon'),
    conditionDetails: ATOP_CONDITION_DETAILS.filter((c) => r.flag(c)),
    asymm: r.flag('asymm'),
    obvary: r.flag('obvary'),
    bilateral: r.flag('bilat'),
    inEffect: r.flag('ineffect'),
    cowSystem: r.flag('cowsys'),
    termMode: r.int('termmode'),
    termCause: r.int('termcaus'),
  };
}
type Member = ReturnType<typeof member>;

/** The members of a run of rows with their varying obligations: which obligations of a member whose obligations vary are owed only to the members (of its phase) without them. */
function withVarying(members: Member[]) {
  const phaseMembers = new Map<string, Member[]>();
  for (const x of members) {
    const k = `${x.atopId}/${x.phase}`;
    const list = phaseMembers.get(k);
    if (list) list.push(x);
    else phaseMembers.set(k, [x]);
  }
  return members.map((x) => ({
    ...x,
    ...varyingObligations(
      { ccode: x.ccode, obligations: x.obligations, obvary: x.obvary === true },
      phaseMembers.get(`${x.atopId}/${x.phase}`)!,
      ATOP_DYAD_CORRECTIONS.filter((c) => c.atopId === x.atopId && c.phases.includes(x.phase)),
    ),
  }));
}

/**
 * A curated treaty lost its ATOP alliance, but the graph was seeded before the seed kept the record's own
 * values on its treaties (seedAtopTreaties): they cannot be put back. Nothing is written (the import's
 * transaction rolls back); `npm run seed` writes them, then the import can run again.
 */
export class CuratedValuesMissingError extends Error {
  constructor(readonly treaties: string[]) {
    super(
      `atop: the files no longer hold the alliance of the curated treaties ${treaties.join(', ')}, but the graph was seeded before the seed kept the record's values on them, so they cannot be put back; nothing was written: load the seed again (npm run seed), then import again`,
    );
    this.name = 'CuratedValuesMissingError';
  }
}

/**
 * Withdraws ATOP's part of the curated treaties whose alliance the files no longer hold: the record's
 * signing and end dates, obligations (with their flags) and memberships come back, what only ATOP sets
 * goes, with the treaty's citation of ATOP (any version: `sourcePrefix`). Run after the member rows are
 * removed (seedTreatyMembers writes nothing beside ATOP's).
 */
function withdrawFromCurated(stamp: string, sourcePrefix: string): RemoveStep {
  return {
    query: q.importAtopRestoreCurated,
    async run(tx) {
      const withdrawn = await tx.run(q.importAtopWithdrawnCurated, { stamp });
      if (!withdrawn.length) return;
      const recorded = withdrawn.flatMap(({ signed, obligations, members, ...t }) =>
        signed !== null && obligations !== null && members !== null ? [{ ...t, signed, obligations, members }] : [],
      );
      if (recorded.length < withdrawn.length) {
        const known = new Set(recorded.map((t) => t.id));
        throw new CuratedValuesMissingError(withdrawn.filter((t) => !known.has(t.id)).map((t) => t.id));
      }
      await tx.run(q.importAtopRestoreCurated, {
        sourcePrefix,
        rows: recorded.map((t) => ({
          atopId: t.atopId,
          signed: t.signed,
          ended: t.ended,
          obligations: t.obligations,
          ...flagsOf(t.obligations),
        })),
      });
      await tx.run(q.seedTreatyMembers, { rows: recorded.flatMap((t) => curatedMemberships(t)) });
    },
  };
}

export const atop: Dataset = {
  name: 'atop',
  title: 'Alliance Treaty Obligations and Provisions (ATOP)',
  files: [
    { id: 'alliances', pattern: /^atop\d+_\d+a\.csv(?:\.gz)?$/i, description: 'alliance-level file (atop5_1a.csv)' },
    { id: 'phases', pattern: /^atop\d+_\d+aph\.csv(?:\.gz)?$/i, description: 'alliance-phase file (atop5_1aph.csv)' },
    { id: 'members', pattern: /^atop\d+_\d+m\.csv(?:\.gz)?$/i, description: 'member-level file (atop5_1m.csv)' },
  ],
  async prepare(files) {
    // First reading: the checks in the order they were stated over whole files (see Checks). Kept:
    // the ATOP ids, the phase ids and membership keys (for duplicates), the states, and whether the
    // member file holds each alliance's rows together (then the second reading needs one alliance's
    // members at a time to work out varying obligations, else the whole file).
    const checks = new Checks();
    const versions = new VersionColumn();
    const uniqueAlliance = new UniqueKeys('atopid', 'atopid');
    const ids = new Set<number>();
    const threatStates = new Set<number>();
    let threatRows = 0;
    const years = new Years();
    const a = await streamCsv(files.alliances!, ALLIANCE_COLUMNS, (r) => {
      years.addColumns(r, ['begyr', 'endyr']);
      checks.run(0, () => versions.add(r));
      checks.run(1, () => uniqueAlliance.check(r, r.reqIntIn('atopid', ...ID)));
      checks.run(2, () => {
        ids.add(r.reqIntIn('atopid', ...ID));
        treaty(r, '');
      });
      checks.run(3, () => {
        for (const t of threatsOf(r)) {
          threatStates.add(t.ccode);
          threatRows++;
        }
      });
    });
    const known = (r: CsvRow) => {
      const id = r.reqIntIn('atopid', ...ID);
      if (!ids.has(id)) throw r.error('atopid', `atopid ${id} is not in ${a.file}`);
      return id;
    };
    const uniquePhase = new UniqueKeys('atopidphase', 'atopidphase');
    const ph = await streamCsv(files.phases!, PHASE_COLUMNS, (r) => {
      checks.run(4, () => uniquePhase.check(r, r.cell('atopidphase')));
      checks.run(5, () => phase(r, known));
    });
    const memberStates = new StubStates();
    const seen = new Map<string, number>();
    const closed = new Set<number>();
    let current: number | null = null;
    let grouped = true;
    const m = await streamCsv(files.members!, MEMBER_COLUMNS, (r) => {
      years.addColumns(r, ['yrent', 'yrexit']);
      const x = checks.run(6, () => member(r, known));
      if (!x) return;
      memberStates.add(x);
      if (x.atopId !== current) {
        if (closed.has(x.atopId)) grouped = false;
        if (current !== null) closed.add(current);
        current = x.atopId;
      }
      checks.run(7, () => {
        const k = `${x.atopId}/${x.ccode}/${x.phase}/${x.entry}`;
        if (seen.has(k))
          throw r.error(
            'yrent',
            `duplicate membership (atopid ${x.atopId}, member ${x.ccode}, phase ${x.phase}, entry ${x.entry}; first on line ${seen.get(k)})`,
          );
        seen.set(k, r.line);
      });
    });
    seen.clear();
    closed.clear();
    checks.throwFirst();
    const version = versions.value() ?? /atop(\d+)_(\d+)/i.exec(a.file)!.slice(1).join('.');
    const source = SOURCES.atop(version);
    const stamp = randomUUID();

    // Members first, then the threats' states, as the rows name them.
    for (const ccode of threatStates) memberStates.add({ ccode });
    const states = memberStates.rows();
    /** The member rows with their varying obligations, one alliance at a time (all at once if the file does not hold an alliance's rows together). */
    const members = (emit: (row: ReturnType<typeof withVarying>[number]) => void | Promise<void>) => {
      let run: Member[] = [];
      const flush = async () => {
        const rows = withVarying(run);
        run = [];
        for (const row of rows) await emit(row);
      };
      return rereadCsv(m, MEMBER_COLUMNS, (r) => {
        const x = member(r, known);
        const next = grouped && run.length > 0 && run[0]!.atopId !== x.atopId ? flush() : undefined;
        const push = () => {
          run.push(x);
        };
        return next ? next.then(push) : push();
      }).then(() => flush());
    };
    return {
      dataset: 'atop',
      files: [a.path, ph.path, m.path],
      sha256: { [a.path]: a.sha256, [ph.path]: ph.sha256, [m.path]: m.sha256 },
      rowsRead: a.rows + ph.rows + m.rows,
      coverage: years.span(),
      sources: [source],
      steps: [
        writeStep(q.importAtopTreaties, {
          params: { source: source.key, stamp },
          rows: streamedRows(a.rows, (emit) => rereadCsv(a, ALLIANCE_COLUMNS, (r) => emit(treaty(r, version)))),
        }),
        writeStep(q.importAtopPhases, {
          params: { source: source.key, stamp },
          rows: streamedRows(ph.rows, (emit) => rereadCsv(ph, PHASE_COLUMNS, (r) => emit(phase(r, known)))),
        }),
        writeStep(q.importStubStates, { rows: states }),
        writeStep(q.importAtopReplaceCurated, {
          rows: streamedRows(a.rows, (emit) =>
            rereadCsv(a, ALLIANCE_COLUMNS, (r) => emit({ atopId: r.reqIntIn('atopid', ...ID) })),
          ),
        }),
        writeStep(q.importAtopMembers, { params: { stamp }, rows: streamedRows(m.rows, members) }),
        writeStep(q.importAtopThreats, {
          params: { source: source.key, stamp },
          rows: streamedRows(threatRows, (emit) =>
            rereadCsv(a, ALLIANCE_COLUMNS, async (r) => {
              for (const t of threatsOf(r)) await emit(t);
            }),
          ),
        }),
      ],
      // What the files no longer hold: ATOP's member rows first (the record's memberships of a curated
      // treaty it withdraws from are written only where ATOP's are gone), then its threats, phases and
      // treaties; a curated treaty stays, with the record's values (withdrawFromCurated).
      removals: [
        removeStep(q.importRemoveAtopMembers, { stamp }),
        removeStep(q.importRemoveAtopThreatLinks, { stamp }),
        removeStep(q.importRemoveAtopThreats, { stamp }),
        removeStep(q.importRemoveAtopPhases, { stamp }),
        withdrawFromCurated(stamp, sourceKeyPrefix(source)),
        removeStep(q.importRemoveAtopTreaties, { stamp }),
      ],
      nodes: { Treaty: a.rows, TreatyPhase: ph.rows, Threat: threatStates.size, State: states.length, Source: 1 },
      relationships: {
        MEMBER_OF: m.rows,
        HAS_PHASE: ph.rows,
        DIRECTED_AGAINST: threatRows,
        POSED_BY: threatStates.size,
        CITES: a.rows + ph.rows + threatStates.size,
      },
      warnings: [],
    };
  },
};
