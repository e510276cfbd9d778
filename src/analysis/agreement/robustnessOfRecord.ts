/**
 * The robustness table of the record (./robustness.ts) with its inputs read: the model's cases under
 * the record's coding, and the reliability sample read both ways — the negotiations of the sample
 * that both the record's coding and the blind second coder's make cases, so that the two rows
 * compare the same negotiations. Used by `npm run evaluate` and by the README's figures.
 */
import { gatherCases, type AgreementData } from './cases.js';
import { modelState } from './modelState.js';
import { robustnessTable, type RobustnessRow } from './robustness.js';

export interface RecordRobustness {
  rows: RobustnessRow[];
  /** Sampled negotiations the second coder coded in full (every party's target and approach). */
  secondCodedInFull: number;
  /** Of those, the ones the record's coding also makes cases: the two sample rows compare these. */
  sampleCompared: number;
}

export async function robustnessOfRecord(a: AgreementData): Promise<RecordRobustness> {
  const state = await modelState(a);
  const second = await gatherCases(a, 'SECOND_CODER');
  const sampleSecond = [...second.cases.values()].filter((c) => state.cases.has(c.key));
  const sampleFirst = sampleSecond.map((c) => state.cases.get(c.key)!);
  return {
    rows: robustnessTable([...state.cases.values()], { sampleFirst, sampleSecond }),
    secondCodedInFull: second.cases.size,
    sampleCompared: sampleSecond.length,
  };
}
