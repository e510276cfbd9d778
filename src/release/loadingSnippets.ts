/**
 * How a scholar loads the package in R, Stata and pandas: the lines the package's README.md and
 * docs/release.md show (test/drift checks docs/release.md holds them verbatim; test/release runs the
 * pandas lines on a built package).
 */
import type { ReleaseInfo } from '../releaseInfo.js';

/** The package's folder name (also the zip's, without `.zip`): `<name>-<version>`. */
export const packageFolder = (release: Pick<ReleaseInfo, 'name' | 'version'>): string =>
  `${release.name}-${release.version}`;

export function loadingSnippets(release: Pick<ReleaseInfo, 'name' | 'version'>): {
  r: string;
  stata: string;
  pandas: string;
} {
  const dir = packageFolder(release);
  return {
    r: [
      `dir <- "${dir}"`,
      'negotiations <- read.csv(file.path(dir, "negotiations.csv"), fileEncoding = "UTF-8", na.strings = "")',
      'parties <- read.csv(file.path(dir, "negotiation_parties.csv"), fileEncoding = "UTF-8", na.strings = "")',
      'negotiations$start <- as.Date(negotiations$start)',
      'party_level <- merge(parties, negotiations[, c("negotiation_id", "start", "outcome", "atopid")], by = "negotiation_id")',
      '# dyad-years 1816-2018, keyed like peacesciencer (ccode1, ccode2, year)',
      'dyads <- read.csv(file.path(dir, "dyad_years.csv"), na.strings = "")',
    ].join('\n'),
    stata: [
      `import delimited using "${dir}/negotiations.csv", varnames(1) encoding("utf-8") bindquote(strict) clear`,
      'generate start_date = date(start, "YMD")',
      'format start_date %td',
      'save negotiations, replace',
      `import delimited using "${dir}/negotiation_parties.csv", varnames(1) encoding("utf-8") bindquote(strict) clear`,
      'merge m:1 negotiation_id using negotiations, keep(match) nogenerate',
      `* dyad-years 1816-2018, keyed like peacesciencer (ccode1, ccode2, year)`,
      `import delimited using "${dir}/dyad_years.csv", varnames(1) clear`,
    ].join('\n'),
    pandas: [
      'import pandas as pd',
      '',
      `d = "${dir}/"`,
      'read = dict(keep_default_na=False, na_values=[""])',
      'negotiations = pd.read_csv(d + "negotiations.csv", parse_dates=["start", "end"], **read)',
      'parties = pd.read_csv(d + "negotiation_parties.csv", **read)',
      'party_level = parties.merge(negotiations[["negotiation_id", "start", "outcome", "atopid"]], on="negotiation_id")',
      '# dyad-years 1816-2018, keyed like peacesciencer (ccode1, ccode2, year); the Parquet copy keeps the types',
      'dyads = pd.read_parquet(d + "dyad_years.parquet")',
    ].join('\n'),
  };
}
