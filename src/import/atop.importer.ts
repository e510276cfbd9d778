/**
 * ATOP (alliance, phase and member files): one Treaty per alliance (MERGE on atopId, so a curated treaty
 * with that ATOP id is the same node), one TreatyPhase per alliance-phase row, one MEMBER_OF per member
 * row, and for `statthr1`/`statthr2` a DIRECTED_AGAINST to the Threat `state-<ccode>` POSED_BY that state.
 *
 * Dates: `begyr/begmo/begday` and `endyr/endmo/endday` (member: `yrent...`, `yrexit...`); 0 or blank
 * means unknown, an end year of 0 means the alliance (membership) had not ended.
 */
import { readCsv, type CsvRow } from './csv.js';
import { assertUnique, dateFields, dateOf, OBLIGATIONS, stubStates, versionColumn } from './helpers.js';
import { SOURCES } from './sources.js';
import { ATOP_CONDITION_DETAILS, varyingObligations } from '../domain/index.js';
import { ATOP_DYAD_CORRECTIONS } from './atopDyadCorrections.js';
import type { Dataset } from './types.js';

const DATES = ['begyr', 'begmo', 'begday', 'endyr', 'endmo', 'endday'];
const FLAGS = ['defense', 'offense', 'neutral', 'nonagg', 'consul'];
const CONDITIONS = ['defcon', 'offcon', 'neucon', 'concon'];
const FLAG_OF: Record<string, string> = { defense: 'defense', offense: 'offense', neutrality: 'neutral', nonAggression: 'nonagg', consultation: 'consul' };

function obligations(r: CsvRow) {
  const flags = Object.fromEntries(OBLIGATIONS.map(([, f]) => [f, r.flag(FLAG_OF[f]!)]));
  return { obligations: OBLIGATIONS.filter(([, f]) => flags[f]).map(([o]) => o), ...flags, conditional: r.flag('conditio') };
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
    const a = await readCsv(files.alliances!, ['atopid', 'cowid', ...DATES, 'ineffect', 'bilat', 'maxphase', ...FLAGS, 'conditio', 'specthrt', 'statthr1', 'statthr2']);
    const ph = await readCsv(files.phases!, ['atopid', 'atopidphase', 'phase', ...DATES, ...FLAGS, 'conditio']);
    const m = await readCsv(files.members!, [
      'atopid', 'member', 'phase', 'yrent', 'moent', 'dayent', 'yrexit', 'moexit', 'dayexit', ...FLAGS, 'conditio', ...CONDITIONS,
      ...ATOP_CONDITION_DETAILS, 'asymm', 'obvary', 'bilat', 'ineffect', 'cowsys', 'termmode', 'termcaus',
    ]);
    const version = versionColumn(a.rows) ?? /atop(\d+)_(\d+)/i.exec(a.file)!.slice(1).join('.');
    const source = SOURCES.atop(version);

    assertUnique(a.rows, (r) => r.reqInt('atopid'), 'atopid', 'atopid');
    const ids = new Set<number>();
    const treaties = a.rows.map((r) => {
      const atopId = r.reqInt('atopid');
      ids.add(atopId);
      const signed = dateOf(r, 'begyr', 'begmo', 'begday');
      if (!signed) throw r.error('begyr', 'an alliance needs a start year');
      return {
        atopId, cowId: r.int('cowid'), ...dateFields('signed', signed), signedYear: Number(signed.date.slice(0, 4)),
        ...dateFields('ended', dateOf(r, 'endyr', 'endmo', 'endday')), inEffect: r.flag('ineffect'), bilateral: r.flag('bilat'),
        maxPhase: r.int('maxphase'), ...obligations(r), specificThreat: r.int('specthrt'), atopVersion: version,
      };
    });
    const known = (r: CsvRow) => {
      const id = r.reqInt('atopid');
      if (!ids.has(id)) throw r.error('atopid', `atopid ${id} is not in ${a.file}`);
      return id;
    };
    const threats = a.rows.flatMap((r) => {
      const cc = new Set([r.int('statthr1'), r.int('statthr2')].filter((c): c is number => c !== null && c !== 0));
      return [...cc].map((ccode) => ({ atopId: r.reqInt('atopid'), ccode }));
    });

    assertUnique(ph.rows, (r) => r.cell('atopidphase'), 'atopidphase', 'atopidphase');
    const phases = ph.rows.map((r) => {
      const start = dateOf(r, 'begyr', 'begmo', 'begday');
      return {
        id: `atop-${r.cell('atopidphase')}`, atopId: known(r), phase: r.reqInt('phase'), ...dateFields('start', start),
        ...dateFields('end', dateOf(r, 'endyr', 'endmo', 'endday')), ...obligations(r),
      };
    });

    const members = m.rows.map((r) => {
      const entry = dateOf(r, 'yrent', 'moent', 'dayent');
      if (!entry) throw r.error('yrent', 'a membership needs an entry year');
      return {
        atopId: known(r), ccode: r.reqInt('member'), phase: r.reqInt('phase'), ...dateFields('entry', entry),
        ...dateFields('exit', dateOf(r, 'yrexit', 'moexit', 'dayexit')),
        // The member's own obligations and their conditions in this phase (ATOP member level).
        ...obligations(r), defcon: r.flag('defcon'), offcon: r.flag('offcon'), neucon: r.flag('neucon'), concon: r.flag('concon'),
        conditionDetails: ATOP_CONDITION_DETAILS.filter((c) => r.flag(c)),
        asymm: r.flag('asymm'), obvary: r.flag('obvary'), bilateral: r.flag('bilat'), inEffect: r.flag('ineffect'),
        cowSystem: r.flag('cowsys'), termMode: r.int('termmode'), termCause: r.int('termcaus'),
      };
    });
    // Which obligations of a member whose obligations vary are owed only to the members without them.
    const phaseMembers = new Map<string, typeof members>();
    for (const x of members) {
      const k = `${x.atopId}/${x.phase}`;
      const list = phaseMembers.get(k);
      if (list) list.push(x); else phaseMembers.set(k, [x]);
    }
    const membersWithVarying = members.map((x) => ({
      ...x,
      ...varyingObligations({ ccode: x.ccode, obligations: x.obligations, obvary: x.obvary === true }, phaseMembers.get(`${x.atopId}/${x.phase}`)!,
        ATOP_DYAD_CORRECTIONS.filter((c) => c.atopId === x.atopId && c.phases.includes(x.phase))),
    }));
    const seen = new Map<string, number>();
    members.forEach((x, i) => {
      const k = `${x.atopId}/${x.ccode}/${x.phase}/${x.entry}`;
      if (seen.has(k)) throw m.rows[i]!.error('yrent', `duplicate membership (atopid ${x.atopId}, member ${x.ccode}, phase ${x.phase}, entry ${x.entry}; first on line ${seen.get(k)})`);
      seen.set(k, m.rows[i]!.line);
    });

    const states = stubStates([...members, ...threats]);
    const threatStates = new Set(threats.map((t) => t.ccode));
    return {
      dataset: 'atop', files: [a.path, ph.path, m.path], rowsRead: a.rows.length + ph.rows.length + m.rows.length, sources: [source],
      steps: [
        { query: 'importAtopTreaties', rows: treaties, params: { source: source.key } },
        { query: 'importAtopPhases', rows: phases, params: { source: source.key } },
        { query: 'importStubStates', rows: states },
        { query: 'importAtopReplaceCurated', rows: treaties.map((t) => ({ atopId: t.atopId })) },
        { query: 'importAtopMembers', rows: membersWithVarying },
        { query: 'importAtopThreats', rows: threats, params: { source: source.key } },
      ],
      nodes: { Treaty: treaties.length, TreatyPhase: phases.length, Threat: threatStates.size, State: states.length, Source: 1 },
      relationships: {
        MEMBER_OF: members.length, HAS_PHASE: phases.length, DIRECTED_AGAINST: threats.length, POSED_BY: threatStates.size,
        CITES: treaties.length + phases.length + threatStates.size,
      },
      warnings: [],
    };
  },
};
