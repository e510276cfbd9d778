/**
 * The coverage of an exported network as plain JSON, the same in every format that carries structured
 * graph attributes (Cytoscape's graph `data`, graphology's `attributes`): each layer, its release, the
 * years it covers, whether they include the date, and the figures resting on it.
 */
import type { LayerCoverage } from '../domain/index.js';

export interface CoverageJson {
  layer: string;
  version: string | null;
  imported: boolean;
  years: { from: number; to: number } | null;
  covered: boolean;
  figures: string[];
}

export const coverageJson = (layers: readonly (LayerCoverage & { figures: readonly string[] })[]): CoverageJson[] =>
  layers.map((l) => ({
    layer: l.layer,
    version: l.version,
    imported: l.loaded,
    years: l.span,
    covered: l.covered,
    figures: [...l.figures],
  }));
