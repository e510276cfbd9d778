/** Scholar measures between two states in a year: portfolio similarity and capability ratio. */
import type { QueryExecutor } from '../store/QueryExecutor.js';
import { sScore, tauB } from './portfolioSimilarity.js';
import { midYear, tieLevel, yearEnd, yearStart, type SimilarityMeasure } from '../domain/index.js';
import * as q from '../store/queries.gen.js';
import { readStatesAvailableAt } from '../reads/statesAvailable.js';
import { tieObligations } from './allianceNetwork.js';

export type { SimilarityMeasure };

export interface PortfolioSimilarity {
  value: number | null;
  statesCompared: number;
  portfolioA: number[];
  portfolioB: number[];
  states: number[];
}

/**
 * Similarity of the alliance portfolios of A and B in `year`: ties in force at any time in the
 * year, over the states in the system on 1 July of that year (A and B included; each state allied
 * to itself at the defense level). A tie's level is that of the strongest obligation either state owes
 * the other in a phase they share (ATOP member level, `tieObligations`).
 */
export async function portfolioSimilarity(
  ex: QueryExecutor,
  a: number,
  b: number,
  year: number,
  measure: SimilarityMeasure,
): Promise<PortfolioSimilarity> {
  const from = yearStart(year);
  const to = yearEnd(year);
  const [states, ties] = await Promise.all([
    readStatesAvailableAt(ex, [midYear(year)]),
    ex.read(q.allianceTiesDuring, { from, to }),
  ]);
  const members = [...new Set([...states.map((s) => s.ccode), a, b])].sort((x, y) => x - y);
  const level = new Map<string, number>();
  for (const t of ties) {
    const key = `${t.a}-${t.b}`;
    level.set(key, Math.max(level.get(key) ?? 0, tieLevel(tieObligations(t))));
  }
  const tie = (x: number, y: number) =>
    x === y ? tieLevel(['DEFENSE']) : (level.get(x < y ? `${x}-${y}` : `${y}-${x}`) ?? 0);
  const portfolioA = members.map((k) => tie(a, k));
  const portfolioB = members.map((k) => tie(b, k));
  return {
    value: measure === 'S' ? sScore(portfolioA, portfolioB) : tauB(portfolioA, portfolioB),
    statesCompared: members.length,
    portfolioA,
    portfolioB,
    states: members,
  };
}

export interface CapabilityRatio {
  cincA: number | null;
  cincB: number | null;
  ratio: number | null;
  shareA: number | null;
}

export async function capabilityRatio(ex: QueryExecutor, a: number, b: number, year: number): Promise<CapabilityRatio> {
  const rows = await ex.read(q.cincOfStateYears, {
    items: [a, b].map((ccode) => ({ id: `${ccode}-${year}`, ccode, year })),
  });
  const cincA = rows.find((r) => r.ccode === a)?.cinc ?? null;
  const cincB = rows.find((r) => r.ccode === b)?.cinc ?? null;
  return {
    cincA,
    cincB,
    ratio: cincA !== null && cincB ? cincA / cincB : null,
    shareA: cincA !== null && cincB !== null && cincA + cincB > 0 ? cincA / (cincA + cincB) : null,
  };
}
