/**
 * What each computed figure rests on, and whether that covers a date. A figure's evidence comes from
 * layers: the curated record (its case universe, 1815–1949: negotiations, war plans, perceptions,
 * curated treaties) and the imported data sets, each with the years it covers (read from its rows
 * at import, `DataSet.coverage`). A date a layer does not cover is a date it says nothing about, not
 * one on which nothing happened: a figure none of whose layers covers the date is not covered (null),
 * never zero, and a figure some of whose layers do not cover it is partial. One home for these rules:
 * the outside options, shared targets, the exports and the pages read them from here.
 */
import { DATASET_NAMES, type DatasetName } from './datasets.js';
import { EVIDENCE_KINDS, type EvidenceKind } from './evidence.js';
import { UNIVERSE_FIRST_YEAR, UNIVERSE_LAST_YEAR } from './universe.js';

export interface YearSpan {
  from: number;
  to: number;
}

/** Where evidence comes from: the curated record, or an imported data set (by its importer's name). */
export type Layer = 'record' | DatasetName;
export const LAYERS: readonly Layer[] = ['record', ...DATASET_NAMES];

/** The record's years: its case universe (seed/README.md), inside which it holds every negotiation. */
export const RECORD_SPAN: YearSpan = { from: UNIVERSE_FIRST_YEAR, to: UNIVERSE_LAST_YEAR };

/** The layer each kind of evidence comes from (src/reads/targetEvidence.ts reads them). */
export const EVIDENCE_LAYER: Record<EvidenceKind, Layer> = {
  TREATY: 'atop',
  WAR_PLAN: 'record',
  WAR: 'cow-wars',
  RIVALRY: 'rivalries',
  PERCEPTION: 'record',
  DISPUTE: 'mid',
};
const EVIDENCE_LAYERS: readonly Layer[] = [...new Set(EVIDENCE_KINDS.map((k) => EVIDENCE_LAYER[k]))];

/**
 * The kinds of figure the analyses and exports compute, and the layers each rests on: who is in the
 * state system (the states of a network, the candidate allies and buck-catchers), who is fighting
 * whom (left out as allies), capabilities (CINC), evidence against a target, alliance ties (ATOP,
 * and the record's curated treaties), negotiations (the record's: concurrent talks, the network's
 * negotiation layer), major-power status.
 */
export const FIGURE_LAYERS = {
  stateSystem: ['cow-states'],
  hostilities: ['cow-wars', 'mid'],
  capabilities: ['nmc'],
  evidence: EVIDENCE_LAYERS,
  allianceTies: ['atop'],
  negotiations: ['record'],
  majorPowers: ['cow-states'],
} as const satisfies Record<string, readonly Layer[]>;
export type Figure = keyof typeof FIGURE_LAYERS;
export const FIGURES = Object.keys(FIGURE_LAYERS) as Figure[];

/** A layer in the graph: the years it covers (null: imported, but its files give no years, e.g. CDB90's tidy release) and its release. */
export interface LoadedLayer {
  span: YearSpan | null;
  version: string | null;
}
/** The layers the graph holds, by name (a data set not imported is absent). */
export type LoadedLayers = ReadonlyMap<Layer, LoadedLayer>;

/** The loaded layers: the record, and each data set recorded with its coverage. */
export function loadedLayers(dataSets: readonly { name: string; version: string; coverage: YearSpan | null }[]) {
  const out = new Map<Layer, LoadedLayer>([['record', { span: RECORD_SPAN, version: null }]]);
  for (const d of dataSets)
    if ((LAYERS as readonly string[]).includes(d.name))
      out.set(d.name as Layer, { span: d.coverage, version: d.version });
  return out;
}

export const coversYear = (span: YearSpan | null, year: number): boolean =>
  span !== null && span.from <= year && year <= span.to;

/** One layer at one year: imported or not, the years it covers, whether they include the year. */
export interface LayerCoverage {
  layer: Layer;
  loaded: boolean;
  span: YearSpan | null;
  version: string | null;
  covered: boolean;
}

export function layerCoverage(layers: LoadedLayers, layer: Layer, year: number): LayerCoverage {
  const l = layers.get(layer);
  return {
    layer,
    loaded: Boolean(l),
    span: l?.span ?? null,
    version: l?.version ?? null,
    covered: Boolean(l) && coversYear(l!.span, year),
  };
}

/**
 * A figure at a year: `COVERED` (every layer covers it), `PARTIAL` (some do), `NOT_COVERED` (none
 * does, though some are imported: the figure is null), `NOT_IMPORTED` (none of its layers is in
 * the graph: the figure is computed from what there is, which is nothing of those layers).
 */
export type FigureStatus = 'COVERED' | 'PARTIAL' | 'NOT_COVERED' | 'NOT_IMPORTED';

export function figureStatus(layers: LoadedLayers, figure: Figure, year: number): FigureStatus {
  const each = FIGURE_LAYERS[figure].map((l) => layerCoverage(layers, l, year));
  if (each.every((c) => c.covered)) return 'COVERED';
  if (each.some((c) => c.covered)) return 'PARTIAL';
  return each.some((c) => c.loaded) ? 'NOT_COVERED' : 'NOT_IMPORTED';
}

/** How a layer reads in a reason: `mid 4.3 (1816–2010)`, `the record (1815–1949)`, `cdb90 (no years)`, `nmc (not imported)`. */
export function describeLayer(c: Pick<LayerCoverage, 'layer' | 'loaded' | 'span' | 'version'>): string {
  const name = c.layer === 'record' ? 'the record' : c.version ? `${c.layer} ${c.version}` : c.layer;
  if (!c.loaded) return `${name} (not imported)`;
  return c.span ? `${name} (${c.span.from}–${c.span.to})` : `${name} (no years)`;
}

/** Why a figure is not (fully) covered at a year: the layers that do not cover it, with their years. */
export function uncoveredText(layers: LoadedLayers, figure: Figure, year: number): string | null {
  const missing = FIGURE_LAYERS[figure].map((l) => layerCoverage(layers, l, year)).filter((c) => !c.covered);
  return missing.length ? missing.map(describeLayer).join(', ') : null;
}

/** Each layer some of `figures` rest on, at a year, with the figures it is used for. */
export interface FigureCoverage {
  /** Every layer of every figure covers the year. */
  complete: boolean;
  layers: (LayerCoverage & { figures: Figure[] })[];
}

export function coverageOf(layers: LoadedLayers, figures: readonly Figure[], year: number): FigureCoverage {
  const byLayer = new Map<Layer, Figure[]>();
  for (const f of figures)
    for (const l of FIGURE_LAYERS[f]) {
      const list = byLayer.get(l);
      if (list) list.push(f);
      else byLayer.set(l, [f]);
    }
  const out = LAYERS.filter((l) => byLayer.has(l)).map((l) => ({
    ...layerCoverage(layers, l, year),
    figures: byLayer.get(l)!,
  }));
  return { complete: out.every((c) => c.covered), layers: out };
}

/** A coverage in words, one clause per layer: "atop 5.1 (1815–2018): covered (allianceTies); mid 4.3 (1816–2010): not covered (hostilities, evidence)". */
export function describeCoverage(c: FigureCoverage): string {
  return c.layers
    .map((l) => `${describeLayer(l)}: ${l.covered ? 'covered' : 'not covered'} (${l.figures.join(', ')})`)
    .join('; ');
}

/**
 * The years the analyses span: those of the alliance data (ATOP's, when it is imported; else the
 * record's). Series and pages default to it; a date outside it is still answered, each figure
 * saying what covers it.
 */
export function analysisSpan(layers: LoadedLayers): YearSpan {
  const atop = layers.get('atop')?.span;
  return atop ? { ...atop } : { ...RECORD_SPAN };
}
