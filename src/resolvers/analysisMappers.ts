/** Analysis results (plain data) → the GraphQL result objects (source keys and ccodes resolved by field resolvers). */
import type {
  AlternativeAlly as AllyData,
  OptionResult,
  Reason as ReasonData,
} from '../analysis/outsideOptions/index.js';
import type { SharedTarget as SharedTargetData } from '../analysis/sharedTargets.js';
import type { FigureCoverage, TargetEvidence as EvidenceData } from '../domain/index.js';
import type { Reason, SharedTarget, TargetEvidence } from '../schema/evidence.type.js';
import type { LayerCoverage } from '../schema/coverage.type.js';
import type { AlternativeAlly, OutsideOptions } from '../schema/outsideOptions.type.js';
import type { EvidenceKind } from '../schema/analysisEnums.js';

export const toEvidence = (e: EvidenceData & { joint?: boolean }): TargetEvidence => ({
  holder: e.holder,
  target: e.target,
  kind: e.kind as EvidenceKind,
  weight: e.weight,
  description: e.description,
  reference: e.reference,
  date: e.date,
  joint: e.joint ?? false,
  sourceKeys: e.sources,
});

export const toReason = (r: ReasonData): Reason => ({ text: r.text, sourceKeys: r.sources });

export const toSharedTarget = (t: SharedTargetData): SharedTarget => ({
  targetCcode: t.target,
  strength: t.strength,
  allEvidence: [...t.evidence]
    .sort(
      (a, b) => Number(b.joint) - Number(a.joint) || b.weight - a.weight || (a.date ?? '').localeCompare(b.date ?? ''),
    )
    .map(toEvidence),
});

export const toAlternativeAlly = (a: AllyData): AlternativeAlly => ({
  ccode: a.state,
  score: a.score,
  components: a.components,
  reasons: a.reasons.map(toReason),
});

export const toOutsideOptions = (o: OptionResult): OutsideOptions => ({
  partyCcode: o.request.party,
  negotiationKey: o.request.negotiation,
  targetCcodes: o.targets,
  alternativeAllies: {
    attractiveness: o.alternativeAllies.attractiveness,
    allies: o.alternativeAllies.allies.map(toAlternativeAlly),
    reasons: o.alternativeAllies.reasons.map(toReason),
  },
  unilateral: { ...o.unilateral, reasons: o.unilateral.reasons.map(toReason) },
  buckPassing: {
    attractiveness: o.buckPassing.attractiveness,
    buckCatchers: o.buckPassing.buckCatchers.map((b) => ({
      ccode: b.state,
      cinc: b.cinc,
      evidence: b.evidence.map(toEvidence),
    })),
    reasons: o.buckPassing.reasons.map(toReason),
  },
  overall: o.overall,
  complete: o.coverage.complete,
  notCovered: o.coverage.layers.filter((l) => !l.covered).map((l) => l.layer),
  coverage: toCoverage(o.coverage),
});

export const toCoverage = (c: FigureCoverage): LayerCoverage[] =>
  c.layers.map((l) => ({
    layer: l.layer,
    imported: l.loaded,
    years: l.span,
    version: l.version,
    covered: l.covered,
    figures: l.figures,
  }));
