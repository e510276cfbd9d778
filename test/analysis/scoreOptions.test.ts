/**
 * The outside-option scoring as pure functions, on a small hand-made fixture: no store, no
 * published data. The figures are worked out by hand from the weights in src/domain.
 */
import { describe, expect, it } from 'vitest';
import { allyScore, scoreOptions, type OptionInputs } from '../../src/analysis/outsideOptions/index.js';
import { ALLY_WEIGHTS, DATASET_NAMES, loadedLayers, type YearSpan } from '../../src/domain/index.js';
import type { TargetEvidence } from '../../src/reads/targetEvidence.js';

const evidence = (holder: number, target: number, kind: TargetEvidence['kind'], weight: number): TargetEvidence => ({
  holder,
  target,
  kind,
  weight,
  description: `${kind} of ${holder}`,
  reference: `${kind}:${holder}`,
  date: '1900-01-01',
  sources: ['src-a'],
});

/** Every data set imported, covering these years (MID to 2010, as MID 4.3). */
const layers = (spans: Partial<Record<string, YearSpan | null>> = {}) =>
  loadedLayers(
    DATASET_NAMES.map((name) => ({
      name,
      version: 'v',
      coverage: name in spans ? spans[name]! : { from: 1816, to: name === 'mid' ? 2010 : 2016 },
    })),
  );

/** Party 1 against target 9 in 1901; at the table with 2; candidates 3 (shared target, allied), 4 (at war with 1), 9 (the target, in concurrent talks), 5 (nothing). */
function fixture(over: Partial<OptionInputs> = {}): OptionInputs {
  return {
    request: {
      party: 1,
      at: '1901-06-01',
      talksFrom: '1901-01-01',
      talksTo: '1901-12-31',
      atTable: [2],
      targets: [9],
      negotiation: 'n1',
      windowYears: 10,
    },
    targets: [9],
    candidates: [3, 4, 5, 9],
    names: new Map([
      [1, 'AAA'],
      [3, 'CCC'],
      [9, 'TGT'],
    ]),
    hostile: new Set([4]),
    evidence: new Map([
      [3, [evidence(3, 9, 'TREATY', 3)]],
      [4, [evidence(4, 9, 'WAR', 3)]],
      [5, []],
      [9, []],
    ]),
    ties: new Map([[3, [{ other: 3, treaty: 't1', treatyName: 'Treaty One', exit: null, otherExit: null }]]]),
    talks: new Map([
      [
        9,
        [
          {
            other: 9,
            negotiation: 'n2',
            negotiationName: 'Talks with the target',
            start: '1901-03-01',
            end: '1901-08-01',
            sources: ['src-b'],
          },
        ],
      ],
    ]),
    cinc: new Map([
      [1, 0.2],
      [3, 0.1],
      [4, 0.05],
      [9, 0.3],
    ]),
    spells: [
      { kind: 'IN_SYSTEM', start: '1816-01-01', end: null },
      { kind: 'MAJOR_POWER', start: '1816-01-01', end: null },
    ],
    layers: layers(),
    ...over,
  };
}

describe('outside-option scoring', () => {
  it('weights the ally components with the domain weights, over the components that have data', () => {
    expect(allyScore({ capability: 1, sharedTarget: 1, ties: 1, concurrentTalks: 1 })).toBe(1);
    expect(allyScore({ capability: null, sharedTarget: 1, ties: 0, concurrentTalks: 0 })).toBeCloseTo(
      ALLY_WEIGHTS.sharedTarget / (1 - ALLY_WEIGHTS.capability),
      3,
    );
  });

  it('finds the allied state with a shared target, and the target itself only through concurrent talks; never a hostile state', () => {
    const r = scoreOptions(fixture());
    const states = r.alternativeAllies.allies.map((a) => a.state);
    // best first: the target in concurrent talks scores 0.35 / 0.75 = 0.467, state 3 scores 0.3375
    expect(states).toEqual([9, 3]);
    const three = r.alternativeAllies.allies.find((a) => a.state === 3)!;
    // capability 0.1 / (0.1 + 0.3) = 0.25; shared target 3/6 = 0.5; ties 1; talks 0
    expect(three.components).toEqual({ capability: 0.25, sharedTarget: 0.5, ties: 1, concurrentTalks: 0 });
    expect(three.score).toBe(0.338); // 0.25·0.25 + 0.25·0.5 + 0.15·1 = 0.3375, rounded to 3 places
    const target = r.alternativeAllies.allies.find((a) => a.state === 9)!;
    expect(target.components).toEqual({ capability: null, sharedTarget: 0, ties: 0, concurrentTalks: 1 });
    expect(target.reasons[0]!.text).toMatch(/own target/);
    expect(states).not.toContain(4);
    expect(r.alternativeAllies.attractiveness).toBe(Math.max(three.score, target.score));
  });

  it("scores unilateral action as the party's share of the dyad, and buck-passing from the other states against the target", () => {
    const r = scoreOptions(fixture());
    expect(r.unilateral).toMatchObject({ attractiveness: 0.4, partyCinc: 0.2, targetCinc: 0.3, majorPower: true });
    // catchers: 3 (0.1) and 4 (0.05): 0.15 / (0.15 + 0.3)
    expect(r.buckPassing.buckCatchers.map((b) => b.state)).toEqual([3, 4]);
    expect(r.buckPassing.attractiveness).toBeCloseTo(0.333, 3);
    expect(r.overall).toBe(Math.max(r.alternativeAllies.attractiveness!, 0.4, r.buckPassing.attractiveness!));
  });

  it('without capability data: no unilateral score, buck-passing by count', () => {
    const r = scoreOptions(fixture({ cinc: new Map() }));
    expect(r.unilateral.attractiveness).toBeNull();
    expect(r.unilateral.reasons[0]!.text).toMatch(/no capability data/);
    expect(r.buckPassing.attractiveness).toBeCloseTo(2 / 3, 3);
  });

  it('talks outside the window do not count', () => {
    const r = scoreOptions(
      fixture({
        talks: new Map([
          [
            9,
            [
              {
                other: 9,
                negotiation: 'n2',
                negotiationName: 'x',
                start: '1890-01-01',
                end: '1890-02-01',
                sources: [],
              },
            ],
          ],
        ]),
      }),
    );
    expect(r.alternativeAllies.allies.map((a) => a.state)).toEqual([3]);
  });

  it('inside every layer: complete, and each layer listed with the figures it is used for', () => {
    const r = scoreOptions(fixture());
    expect(r.coverage.complete).toBe(true);
    expect(r.coverage.layers.find((l) => l.layer === 'mid')).toMatchObject({
      covered: true,
      span: { from: 1816, to: 2010 },
      figures: ['hostilities', 'evidence'],
    });
  });

  /** The same request read in another year (the fixture's evidence, ties and talks kept). */
  const at = (year: number, over: Partial<OptionInputs> = {}) => {
    const f = fixture(over);
    return scoreOptions({ ...f, request: { ...f.request, at: `${year}-06-01` } });
  };

  it('after the last year of MID, dispute evidence is not covered: the result says so and is not complete', () => {
    const r = at(2012);
    expect(r.coverage.complete).toBe(false);
    expect(r.coverage.layers.find((l) => l.layer === 'mid')).toMatchObject({ covered: false, loaded: true });
    const texts = r.alternativeAllies.reasons.map((x) => x.text);
    expect(
      texts.some((t) => /evidence against the target partly covered in 2012: without .*mid v \(1816–2010\)/.test(t)),
    ).toBe(true);
    expect(texts.some((t) => /wars and disputes .* partly covered in 2012/.test(t))).toBe(true);
    // The other sources of evidence still count: the shared-target component has a value.
    expect(r.alternativeAllies.allies.find((a) => a.state === 3)!.components.sharedTarget).toBeGreaterThan(0);
  });

  it("after the record's last year, concurrent talks are not covered: null, not zero, and the score is over the rest", () => {
    const r = at(1955);
    for (const a of r.alternativeAllies.allies) expect(a.components.concurrentTalks).toBeNull();
    const three = r.alternativeAllies.allies.find((a) => a.state === 3)!;
    expect(three.score).toBe(allyScore({ ...three.components, concurrentTalks: null }));
    expect(r.alternativeAllies.reasons.map((x) => x.text)).toContain(
      'concurrent talks not covered in 1955: the record (1815–1949)',
    );
  });

  it('after the last year of the state system and of NMC, the options are not covered: null with the data sets in the reasons', () => {
    const r = at(2017);
    expect(r.alternativeAllies).toMatchObject({ attractiveness: null, allies: [] });
    expect(r.unilateral.attractiveness).toBeNull();
    expect(r.unilateral.reasons[0]!.text).toBe('capabilities not covered in 2017: nmc v (1816–2016)');
    expect(r.buckPassing.attractiveness).toBeNull();
    expect(r.overall).toBeNull();
    expect(r.coverage.complete).toBe(false);
  });

  it('a data set not imported leaves the figures as computed, and the result incomplete', () => {
    const r = scoreOptions(fixture({ layers: loadedLayers([]) }));
    expect(r.unilateral.attractiveness).toBe(0.4);
    expect(r.coverage.complete).toBe(false);
    expect(r.coverage.layers.find((l) => l.layer === 'nmc')).toMatchObject({ loaded: false, covered: false });
  });
});
