/**
 * How many of the citations behind the coding of plans and recorded outside options carry a
 * checkable locator (seed/README.md, "Locators": a `chapter`, a `document` or `pages`): the
 * references under each negotiation's IDEAL war plans (entry and later) and recorded options, in
 * their primary coding (alternative codings left out), overall and by the negotiation's era.
 */
import type { SeedData } from './readSeedDir.js';
import type { SourceRefSeed } from './seedFiles.schema.js';

export interface LocatorShare {
  /** References counted. */
  citations: number;
  /** Of those, references with a chapter, document or pages. */
  withLocator: number;
  /** withLocator / citations; null without a citation. */
  share: number | null;
}

const hasLocator = (r: SourceRefSeed) => r.chapter !== undefined || r.document !== undefined || r.pages !== undefined;

const shareOf = (refs: readonly SourceRefSeed[]): LocatorShare => {
  const withLocator = refs.filter(hasLocator).length;
  return { citations: refs.length, withLocator, share: refs.length ? withLocator / refs.length : null };
};

/** The share overall and per era, eras in the order of the eras files (an era with no negotiation has none). */
export function locatorShares(data: SeedData): { overall: LocatorShare; byEra: (LocatorShare & { era: string })[] } {
  const refsOf = (era?: string) =>
    data.negotiations
      .filter((n) => era === undefined || n.era === era)
      .flatMap((n) => [...n.warPlans.flatMap((w) => w.sources), ...n.outsideOptions.flatMap((o) => o.sources)]);
  return {
    overall: shareOf(refsOf()),
    byEra: data.eras.map((e) => ({ era: e.id, ...shareOf(refsOf(e.id)) })).filter((e) => e.citations > 0),
  };
}
