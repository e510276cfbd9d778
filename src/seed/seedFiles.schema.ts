/**
 * The shape of the curated seed files in `seed/`, checked by the loader and by the tests.
 *
 * Dates are strings (`YYYY-MM-DD`) paired with a precision, because the historical record often
 * gives only a month or a year; a date of precision MONTH or YEAR is written as the first day of
 * that month or year. Every fact carries `sources`: references to `seed/sources.yaml` by key.
 */
import { z } from 'zod';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD (use the first day and a precision for a month or a year)')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');

export const precision = z.enum(['DAY', 'MONTH', 'YEAR']);
export const confidence = z.enum(['HIGH', 'MEDIUM', 'LOW']);
export const ccode = z.number().int().positive().max(999);
export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lower-case slug like "anglo-german-1898"');

/** A reference to a source by key, with the pages or chapter that support this fact. */
export const sourceRef = z.object({
  key: slug,
  pages: z.string().optional(),
  note: z.string().optional(),
}).strict();
export const sources = z.array(sourceRef).min(1, 'every fact needs at least one source');

export const source = z.object({
  key: slug,
  kind: z.enum(['BOOK', 'ARTICLE', 'CHAPTER', 'DOCUMENTS', 'DATASET', 'TREATY_TEXT']),
  authors: z.array(z.string().min(1)).min(1),
  title: z.string().min(1),
  year: z.number().int().min(1800).max(2100),
  publisher: z.string().optional(),
  container: z.string().optional().describe('journal or edited volume'),
  volume: z.string().optional(),
  pages: z.string().optional(),
  url: z.string().url().optional(),
}).strict();
export const sourcesFile = z.object({ sources: z.array(source).min(1) }).strict();

export const era = z.object({
  id: slug,
  name: z.string().min(1),
  start: isoDate,
  end: isoDate,
  sources,
}).strict();
export const erasFile = z.object({ eras: z.array(era).min(1) }).strict();

export const state = z.object({
  ccode,
  abbrev: z.string().regex(/^[A-Z]{3}$/),
  name: z.string().min(1),
  sources,
}).strict();
export const statesFile = z.object({ states: z.array(state).min(1) }).strict();

export const perception = z.object({
  ccode,
  from: isoDate,
  to: isoDate.optional(),
  note: z.string().optional(),
  sources,
}).strict();

export const threat = z.object({
  id: slug,
  name: z.string().min(1),
  posedBy: z.array(ccode).min(1),
  description: z.string().optional(),
  perceivedBy: z.array(perception).default([]),
  sources,
}).strict();
export const threatsFile = z.object({ threats: z.array(threat).min(1) }).strict();

export const obligation = z.enum(['DEFENSE', 'OFFENSE', 'NEUTRALITY', 'NON_AGGRESSION', 'CONSULTATION']);
export const approach = z.enum(['OFFENSIVE', 'DEFENSIVE']);

export const treaty = z.object({
  id: slug,
  name: z.string().min(1),
  atopId: z.number().int().positive().optional(),
  signed: isoDate,
  ended: isoDate.optional(),
  obligations: z.array(obligation).min(1),
  members: z.array(ccode).min(2),
  directedAgainst: z.array(slug).default([]).describe('threat ids'),
  sources,
}).strict();

export const round = z.object({
  sequence: z.number().int().positive(),
  start: isoDate,
  startPrecision: precision.default('DAY'),
  end: isoDate.optional(),
  endPrecision: precision.default('DAY'),
  place: z.string().min(1),
  negotiators: z.array(z.string().min(1)).default([]),
  summary: z.string().optional(),
  sources,
}).strict();

export const proposal = z.object({
  round: z.number().int().positive().optional(),
  date: isoDate,
  datePrecision: precision.default('DAY'),
  by: ccode,
  to: z.array(ccode).min(1),
  obligations: z.array(obligation).default([]),
  summary: z.string().min(1),
  response: z.enum(['ACCEPTED', 'REJECTED', 'COUNTERED', 'DEFERRED', 'NO_RESPONSE', 'WITHDRAWN']),
  responseNote: z.string().optional(),
  sources,
}).strict();

export const warPlan = z.object({
  party: ccode,
  kind: z.enum(['IDEAL', 'PROPOSED']).default('IDEAL'),
  target: slug.describe('threat id'),
  approach,
  justification: z.string().min(1),
  confidence: confidence.default('MEDIUM'),
  sources,
}).strict();

export const negotiation = z.object({
  id: slug,
  name: z.string().min(1),
  start: isoDate,
  startPrecision: precision.default('DAY'),
  end: isoDate,
  endPrecision: precision.default('DAY'),
  outcome: z.enum(['AGREEMENT', 'NONAGREEMENT']),
  era: slug,
  parties: z.array(ccode).min(2),
  summary: z.string().min(1),
  confidence: confidence.default('HIGH'),
  notes: z.string().optional(),
  treaty: treaty.optional(),
  rounds: z.array(round).min(1),
  proposals: z.array(proposal).default([]),
  warPlans: z.array(warPlan).min(1),
  sources,
}).strict();

export type SourceSeed = z.infer<typeof source>;
export type EraSeed = z.infer<typeof era>;
export type StateSeed = z.infer<typeof state>;
export type ThreatSeed = z.infer<typeof threat>;
export type TreatySeed = z.infer<typeof treaty>;
export type NegotiationSeed = z.infer<typeof negotiation>;
