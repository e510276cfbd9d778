/**
 * npm run evaluate [-- <data-dir>]
 *
 * Leave-one-out evaluation of the agreement-likelihood model on every curated negotiation with a
 * known outcome: Brier score, log loss, accuracy and AUC against the base-rate predictor, and a
 * calibration table. With a data directory (e.g. ../shared/data) the published data sets are
 * imported first (in memory), which gives the outside options their capability, war, dispute and
 * rivalry evidence; without one, the curated seed alone is used.
 *
 * Then the ablation table: the nested feature sets (compatibility only; + computed outside
 * options; + recorded ones; + scope), each leave-one-out, with bootstrap 90 % intervals (2,000
 * resamples of the cases, seeded) and the probabilities of the three canonical cases.
 *
 * Last the robustness table (src/analysis/agreement/robustness.ts): the model refitted and evaluated
 * leave-one-out on subsets of the cases (without plans aimed at a state at the table, without
 * composite targets, by period) and on the reliability sample under the first coding and under the
 * blind second coder's entry plans (the negotiations where the second coder coded every party).
 */
import 'reflect-metadata';
import { Command } from 'commander';
import { applySchema, CypherRegistry, GrafeoStore, QueryExecutor } from '../src/store/index.js';
import { loadSeed } from '../src/seed/loadSeed.js';
import { importAll } from '../src/import/index.js';
import { createLoaders } from '../src/loaders/createLoaders.js';
import { createAnalysisContext } from '../src/analysis/AnalysisContext.js';
import { modelState, robustnessOfRecord } from '../src/analysis/agreement/index.js';
import {
  FEATURES,
  FEATURE_SETS,
  LAMBDA,
  MODEL_NAME,
  MODEL_VERSION,
  evaluateLeaveOneOut,
  featureVector,
  fitModel,
} from '../src/analysis/agreementModel.js';
import { bootstrapIntervals } from '../src/analysis/bootstrap.js';

const program = new Command().name('evaluate').argument('[dataDir]', 'folder holding the published data sets').parse();
const dataDir = program.args[0];

const executor = new QueryExecutor(GrafeoStore.open(), CypherRegistry.load());
await applySchema(executor.store);
await loadSeed(executor);
if (dataDir) await importAll(executor, dataDir);
const t0 = performance.now();
const context = createAnalysisContext(executor, createLoaders(executor));
const state = await modelState(context);
const e = state.evaluation();
const ms = Math.round(performance.now() - t0);
const f = (x: number | null) => (x === null ? '   n/a' : x.toFixed(3).padStart(6));

console.log(`${MODEL_NAME} ${MODEL_VERSION}: ridge logistic regression, lambda ${LAMBDA}, ${FEATURES.length} features`);
console.log(
  `data: curated seed${dataDir ? ' + published data sets' : ' only'}; ${e.cases} negotiations (${e.predictions.filter((p) => p.outcome === 1).length} agreements, ${e.predictions.filter((p) => p.outcome === 0).length} non-agreements); ${ms} ms\n`,
);
console.log('coefficients on all cases:');
console.log(`  intercept                      ${f(state.full.intercept)}`);
FEATURES.forEach((x, j) => console.log(`  ${x.name.padEnd(30)} ${f(state.full.coefficients[j]!)}  (${x.sign})`));
console.log('\nleave-one-out        model   base rate');
console.log(`  Brier score       ${f(e.brier)}      ${f(e.baseRateBrier)}`);
console.log(`  log loss          ${f(e.logLoss)}      ${f(e.baseRateLogLoss)}`);
console.log(`  accuracy          ${f(e.accuracy)}      ${f(e.baseRateAccuracy)}`);
console.log(`  AUC               ${f(e.auc)}         0.500`);
console.log('\ncalibration (leave-one-out):');
console.log('  predicted    cases   mean predicted   observed');
for (const b of e.calibration)
  console.log(
    `  ${b.from.toFixed(1)}–${b.to.toFixed(1)}   ${String(b.cases).padStart(7)}   ${f(b.meanPredicted).padStart(14)}   ${f(b.observedRate).padStart(8)}`,
  );
console.log('\nper negotiation (leave-one-out probability of a treaty):');
for (const p of [...e.predictions].sort((a, b) => b.probability - a.probability)) {
  console.log(`  ${p.probability.toFixed(2)}  ${p.outcome ? 'AGREEMENT   ' : 'NONAGREEMENT'}  ${p.key}`);
}

const CANONICAL = ['north-atlantic-1948', 'anglo-german-1898', 'british-french-soviet-1939'];
const all = [...state.cases.values()];
console.log('\nablation (leave-one-out; [5 %, 95 %] bootstrap intervals over the cases):');
console.log(
  `  ${'feature set'.padEnd(28)} ${'Brier'.padEnd(22)} ${'log loss'.padEnd(22)} ${'AUC'.padEnd(22)} ${CANONICAL.map((k) => k.slice(0, 14).padEnd(15)).join('')}`,
);
for (const set of FEATURE_SETS) {
  const cases = all.map((c) => ({ key: c.key, outcome: c.outcome, x: featureVector(c.inputs, set) }));
  const fits = new Map<string, ReturnType<typeof fitModel>>();
  const ev = evaluateLeaveOneOut(cases, (key) => {
    let f = fits.get(key);
    if (!f) {
      f = fitModel(cases.filter((c) => c.key !== key));
      fits.set(key, f);
    }
    return f;
  });
  const ci = bootstrapIntervals(ev.predictions, 2000, 90);
  const cell = (v: number | null, i: [number, number] | null) =>
    `${f(v)} [${i ? `${i[0].toFixed(3)}, ${i[1].toFixed(3)}` : 'n/a'}]`.padEnd(22);
  const canon = CANONICAL.map((k) => {
    const p = ev.predictions.find((x) => x.key === k);
    return (p ? p.probability.toFixed(2) : 'n/a').padEnd(15);
  }).join('');
  console.log(
    `  ${set.name.padEnd(28)} ${cell(ev.brier, ci.brier)} ${cell(ev.logLoss, ci.logLoss)} ${cell(ev.auc, ci.auc)} ${canon}`,
  );
}
const robustness = await robustnessOfRecord(context);
console.log(
  `\nrobustness (leave-one-out, each row fitted on its own cases; [5 %, 95 %] bootstrap intervals; second coding: the ${robustness.sampleCompared} sampled negotiations where both codings give every party an entry plan, of ${robustness.secondCodedInFull} the second coder coded in full):`,
);
console.log(
  `  ${'cases'.padEnd(46)} ${'n'.padStart(4)} ${'agr'.padStart(4)}  ${'Brier'.padEnd(22)} ${'base'.padEnd(7)} ${'AUC'.padEnd(22)}`,
);
for (const r of robustness.rows) {
  const cell = (v: number | null, i: [number, number] | null) =>
    `${f(v)} [${i ? `${i[0].toFixed(3)}, ${i[1].toFixed(3)}` : 'n/a'}]`.padEnd(22);
  console.log(
    `  ${r.name.padEnd(46)} ${String(r.cases).padStart(4)} ${String(r.agreements).padStart(4)}  ${cell(r.brier, r.intervals.brier)} ${f(r.baseRateBrier)}  ${cell(r.auc, r.intervals.auc)}`,
  );
}
await executor.store.close();
