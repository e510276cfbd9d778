/**
 * The agreement-likelihood model as the API and the scripts use it: the cases (./cases.ts), the fitted
 * state (./modelState.ts), estimates with their contributions, intervals and explanations
 * (./estimate.ts, ./explain.ts). The numbers: ../agreementModel.ts, ../logisticModel.ts, ../modelWorker.ts.
 */
import { FEATURES, LAMBDA, MODEL_NAME, MODEL_VERSION } from '../agreementModel.js';

export {
  gatherCases,
  partyOutside,
  type AgreementData,
  type CaseData,
  type Cases,
  type PartyOutside,
} from './cases.js';
export { modelState, prefitModel, type ModelState } from './modelState.js';
export { robustnessOfRecord, type RecordRobustness } from './robustnessOfRecord.js';
export { renderRobustnessTable } from './robustness.js';
export {
  estimateHypothetical,
  estimateNegotiation,
  notModelledReason,
  type Contribution,
  type Estimate,
  type EstimatePair,
  type HypotheticalInput,
  type ProbabilityRange,
  type WhatIf,
} from './estimate.js';

export const modelDescription = { name: MODEL_NAME, version: MODEL_VERSION, lambda: LAMBDA, features: FEATURES };
