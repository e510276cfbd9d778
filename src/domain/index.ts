export * from './obligations.js';
export * from './warPlans.js';
export * from './negotiations.js';
export * from './records.js';
export * from './outsideOptions.js';
export * from './evidence.js';
export * from './dates.js';
export * from './stateSystem.js';
