/**
 * The read stage of outside options: the reads behind a batch of requests, in two waves of parallel queries whatever
 * the batch size: (1) who was in the system, who was fighting the party, its own evidence, ties,
 * talks and spells; (2) once the targets are known, the candidates' evidence against them and
 * everyone's capabilities. The result is indexed by state per request, for `scoreOptions`.
 */
import type { QueryExecutor } from '../store/QueryExecutor.js';
import * as q from '../store/queries.gen.js';
import { addYears, yearOf, type LoadedLayers } from '../domain/index.js';
import { readAllianceTies } from './allianceTies.js';
import { readStatesAvailableAt } from './statesAvailable.js';
import { readConcurrentTalks } from './concurrentTalks.js';
import { readLoadedLayers } from './loadedLayers.js';
import { evidenceKey, gatherTargetEvidence } from './targetEvidence.js';
import type { TargetEvidence } from '../domain/index.js';
import { Pacer, REQUEST_SLICE_MS } from '../pacer.js';

/** One party's outside options at one moment of choice. Plain data: also the DataLoader key. */
export interface OptionRequest {
  party: number;
  /** The moment of choice: availability, capability year and alliance ties are read here. */
  at: string;
  /** Concurrent talks are looked for in [talksFrom, talksTo] (the negotiation's span, or the year before `at`). */
  talksFrom: string;
  talksTo: string;
  /** States at the table (not alternatives). */
  atTable: number[];
  /** The states posing the party's target(s); empty: any state the party stood against. */
  targets: number[];
  /** The negotiation being examined, left out of "concurrent talks". */
  negotiation: string | null;
  windowYears: number;
}

export interface Tie {
  other: number;
  treaty: string;
  treatyName: string | null;
  exit: string | null;
  otherExit: string | null;
}
export interface Talk {
  other: number;
  negotiation: string;
  negotiationName: string;
  start: string;
  end: string;
  sources: string[];
}
export interface Spell {
  kind: string;
  start: string;
  end: string | null;
}

/**
 * Everything the scoring needs for one request, read from the store by `readOptionInputs` and
 * indexed by state, so that scoring is a pure function of plain data.
 */
export interface OptionInputs {
  request: OptionRequest;
  /** Targets after resolution (the request's, or from the party's own evidence). */
  targets: number[];
  /** States available at `at`, other than the party and those at the table. */
  candidates: number[];
  /** Abbreviations of states, for reasons. */
  names: ReadonlyMap<number, string>;
  /** States at war or in a dispute with the party at `at`. */
  hostile: ReadonlySet<number>;
  /** Each candidate's evidence against the targets. */
  evidence: ReadonlyMap<number, readonly TargetEvidence[]>;
  /** The party's alliance ties up to `at`, by other state. */
  ties: ReadonlyMap<number, readonly Tie[]>;
  /** The party's other negotiations overlapping [talksFrom, talksTo], by other state. */
  talks: ReadonlyMap<number, readonly Talk[]>;
  /** CINC in the year of `at`, by state (absent: no data). */
  cinc: ReadonlyMap<number, number | null>;
  /** The party's COW system and major-power spells. */
  spells: readonly Spell[];
  /** The layers the graph holds and the years each covers: what each figure can be said to cover. */
  layers: LoadedLayers;
}

const atKey = (ccode: number, at: string) => `${ccode}|${at}`;
const talksKey = (r: Pick<OptionRequest, 'party' | 'talksFrom' | 'talksTo' | 'negotiation'>) =>
  `${r.party}|${r.talksFrom}|${r.talksTo}|${r.negotiation ?? ''}`;

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * Reads everything the scoring needs for a batch of requests (see the file's opening comment);
 * `pacer` paces the work in JS between and after the reads (src/pacer.ts).
 */
export async function readOptionInputs(
  ex: QueryExecutor,
  requests: readonly OptionRequest[],
  pacer: Pacer = new Pacer(REQUEST_SLICE_MS),
): Promise<OptionInputs[]> {
  if (!requests.length) return [];
  const evidenceFrom = (r: OptionRequest) => addYears(r.at, -r.windowYears);
  const dates = [...new Set(requests.map((r) => r.at))];
  const partyItems = [...new Map(requests.map((r) => [atKey(r.party, r.at), { ccode: r.party, at: r.at }])).values()];
  const talkWindows = [
    ...new Map(
      requests.map((r) => [talksKey(r), { ccode: r.party, from: r.talksFrom, to: r.talksTo, exclude: r.negotiation }]),
    ).entries(),
  ];
  const untargeted = requests.filter((r) => !r.targets.length);

  // Wave 1.
  const [available, wars, disputes, ownEvidence, tieRows, talkRows, spellRows, layers] = await Promise.all([
    readStatesAvailableAt(ex, dates),
    ex.read(q.warOpponentsAt, { items: partyItems }),
    ex.read(q.disputeOpponentsAt, { items: partyItems }),
    gatherTargetEvidence(
      ex,
      untargeted.map((r) => ({ ccode: r.party, from: evidenceFrom(r), to: r.at })),
      pacer,
    ),
    readAllianceTies(ex, partyItems),
    readConcurrentTalks(
      ex,
      talkWindows.map(([, w]) => w),
    ),
    ex.read(q.systemSpellsOfStates, { ids: [...new Set(requests.map((r) => r.party))] }),
    readLoadedLayers(ex),
  ]);
  const statesAt = new Map<string, number[]>();
  const names = new Map<number, string>();
  for (const s of available) {
    push(statesAt, s.at, s.ccode);
    names.set(s.ccode, s.abbrev);
  }
  const hostile = new Map<string, Set<number>>();
  for (const h of [...wars, ...disputes]) {
    const k = atKey(h.ccode, h.at);
    if (!hostile.has(k)) hostile.set(k, new Set());
    hostile.get(k)!.add(h.other);
  }
  const ties = new Map<string, Map<number, Tie[]>>();
  partyItems.forEach((item, i) => {
    const byOther = new Map<number, Tie[]>();
    for (const t of tieRows[i]!) push(byOther, t.other, t);
    ties.set(atKey(item.ccode, item.at), byOther);
  });
  const talks = new Map<string, Map<number, Talk[]>>();
  talkWindows.forEach(([key], i) => {
    const byOther = new Map<number, Talk[]>();
    for (const t of talkRows[i]!) push(byOther, t.other, t);
    talks.set(key, byOther);
  });
  const spells = new Map<number, Spell[]>();
  for (const s of spellRows) push(spells, s.id, s.node);

  const targetsOf = requests.map((r) =>
    r.targets.length
      ? r.targets
      : [
          ...new Set(
            (ownEvidence.get(evidenceKey({ ccode: r.party, from: evidenceFrom(r), to: r.at })) ?? []).map(
              (e) => e.target,
            ),
          ),
        ].filter((t) => !r.atTable.includes(t)),
  );
  const candidatesOf = requests.map((r) =>
    (statesAt.get(r.at) ?? []).filter((c) => c !== r.party && !r.atTable.includes(c)),
  );

  // Wave 2.
  const evidenceRequests = requests.flatMap((r, i) =>
    targetsOf[i]!.length
      ? candidatesOf[i]!.map((ccode) => ({ ccode, from: evidenceFrom(r), to: r.at, targets: targetsOf[i]! }))
      : [],
  );
  const capabilityItems = [
    ...new Map(
      requests.flatMap((r, i) => {
        const year = yearOf(r.at);
        return [r.party, ...targetsOf[i]!, ...candidatesOf[i]!].map(
          (ccode) => [`${ccode}-${year}`, { id: `${ccode}-${year}`, ccode, year }] as const,
        );
      }),
    ).values(),
  ];
  // Names of targets outside the system at the batch's dates (reasons name every state the same way, whatever the batch).
  const unnamed = [...new Set(targetsOf.flat())].filter((c) => !names.has(c)).sort((a, b) => a - b);
  const [evidence, caps, named] = await Promise.all([
    gatherTargetEvidence(ex, evidenceRequests, pacer),
    capabilityItems.length ? ex.read(q.cincOfStateYears, { items: capabilityItems }) : Promise.resolve([]),
    unnamed.length ? ex.read(q.statesByCcodes, { ccodes: unnamed }) : Promise.resolve([]),
  ]);
  for (const s of named) names.set(s.ccode, s.abbrev);
  const cincByYear = new Map(caps.map((c) => [`${c.ccode}-${c.year}`, c.cinc]));

  const inputs: OptionInputs[] = [];
  for (const [i, r] of requests.entries()) {
    if (pacer.due()) await pacer.turn();
    const year = yearOf(r.at);
    const targets = targetsOf[i]!;
    const candidates = candidatesOf[i]!;
    const ev = new Map<number, TargetEvidence[]>();
    if (targets.length)
      for (const c of candidates)
        ev.set(c, evidence.get(evidenceKey({ ccode: c, from: evidenceFrom(r), to: r.at, targets })) ?? []);
    const cinc = new Map<number, number | null>();
    for (const c of [r.party, ...targets, ...candidates]) {
      const v = cincByYear.get(`${c}-${year}`);
      if (v !== undefined) cinc.set(c, v);
    }
    inputs.push({
      request: r,
      targets,
      candidates,
      names,
      hostile: hostile.get(atKey(r.party, r.at)) ?? new Set<number>(),
      evidence: ev,
      ties: ties.get(atKey(r.party, r.at)) ?? new Map(),
      talks: talks.get(talksKey(r)) ?? new Map(),
      cinc,
      spells: spells.get(r.party) ?? [],
      layers,
    });
  }
  return inputs;
}
