/**
 * The Source node each data set's nodes cite: the publisher's citation, and the version read from the
 * files (their `version` column or their file name).
 */
export interface DatasetSource {
  key: string;
  kind: 'DATASET';
  authors: string[];
  title: string;
  year: number;
  publisher: string | null;
  container: string | null;
  volume: string | null;
  pages: string | null;
  url: string | null;
  version: string;
  citation: string;
}

type SourceInfo = Omit<
  DatasetSource,
  'key' | 'kind' | 'version' | 'citation' | 'container' | 'volume' | 'pages' | 'publisher'
> &
  Partial<Pick<DatasetSource, 'container' | 'volume' | 'pages' | 'publisher'>>;

function citation(s: SourceInfo, version: string): string {
  const authors = s.authors.length > 2 ? `${s.authors[0]} et al.` : s.authors.join(' and ');
  const where = [s.container, s.volume, s.publisher, s.pages].filter(Boolean).join(', ');
  return `${authors} (${s.year}). ${s.title}${where ? `. ${where}` : ''}. Data set, version ${version}.`;
}

/**
 * What the keys of every version of a data set's Source begin with (`dataset-<name>-`): a re-import
 * withdraws the data set's citations, whichever version they name, from what its files no longer hold.
 */
export const sourceKeyPrefix = (source: DatasetSource): string =>
  source.key.slice(0, source.key.length - source.version.length);

/** Builds a data set's Source; the key carries the version so two versions are two sources. */
export function datasetSource(base: string, version: string, info: SourceInfo): DatasetSource {
  return {
    key: `dataset-${base}-${version}`,
    kind: 'DATASET',
    container: null,
    volume: null,
    pages: null,
    publisher: null,
    ...info,
    version,
    citation: citation(info, version),
  };
}

export const SOURCES = {
  atop: (v: string) =>
    datasetSource('atop', v, {
      authors: ['Leeds, Brett Ashley', 'Ritter, Jeffrey M.', 'Mitchell, Sara McLaughlin', 'Long, Andrew G.'],
      title: 'Alliance Treaty Obligations and Provisions, 1815–1944',
      year: 2002,
      container: 'International Interactions',
      volume: '28',
      pages: '237–260',
      url: 'http://www.atopdata.org',
    }),
  cowStates: (v: string) =>
    datasetSource('cow-states', v, {
      authors: ['Correlates of War Project'],
      title: 'State System Membership List',
      year: 2017,
      publisher: 'Correlates of War Project',
      url: 'https://correlatesofwar.org/data-sets/state-system-membership/',
    }),
  nmc: (v: string) =>
    datasetSource('cow-nmc', v, {
      authors: ['Singer, J. David', 'Bremer, Stuart', 'Stuckey, John'],
      title: 'Capability Distribution, Uncertainty, and Major Power War, 1820–1965',
      year: 1972,
      container: 'Peace, War, and Numbers, ed. Bruce Russett',
      publisher: 'Sage',
      pages: '19–48',
      url: 'https://correlatesofwar.org/data-sets/national-material-capabilities/',
    }),
  mid: (v: string) =>
    datasetSource('cow-mid', v, {
      authors: ['Palmer, Glenn', 'et al.'],
      title: 'Militarized Interstate Disputes (MID) data set',
      year: 2021,
      publisher: 'Correlates of War Project',
      url: 'https://correlatesofwar.org/data-sets/mids/',
    }),
  cowWars: (v: string) =>
    datasetSource('cow-war', v, {
      authors: ['Sarkees, Meredith Reid', 'Wayman, Frank'],
      title: 'Resort to War: 1816–2007',
      year: 2010,
      publisher: 'CQ Press',
      url: 'https://correlatesofwar.org/data-sets/cow-war/',
    }),
  cdb90: (v: string) =>
    datasetSource('cdb90', v, {
      authors: ['Helmbold, Robert L.', 'Kahn, Aqeel A.'],
      title: 'Combat History Analysis Study Effort (CHASE): Data Base of Battles (CDB90)',
      year: 1986,
      publisher: 'U.S. Army Concepts Analysis Agency',
      url: 'https://github.com/jrnold/CDB90',
    }),
  td: (v: string) =>
    datasetSource('td-rivalries', v, {
      authors: ['Thompson, William R.', 'Dreyer, David R.'],
      title: 'Handbook of International Rivalries, 1494–2010',
      year: 2011,
      publisher: 'CQ Press',
      url: null,
    }),
  tss: (v: string) =>
    datasetSource('tss-rivalries', v, {
      authors: ['Thompson, William R.', 'Sakuwa, Kentaro', 'Suhas, Prashant H.'],
      title:
        'Analyzing Strategic Rivalries in World Politics: Types of Rivalry, Regional Variation, and Escalation/De-escalation',
      year: 2021,
      publisher: 'Springer',
      url: null,
    }),
  threat: (v: string) =>
    datasetSource('leeds-savun-threat', v, {
      authors: ['Leeds, Brett Ashley', 'Savun, Burcu'],
      title: 'Terminating Alliances: Why Do States Abrogate Agreements?',
      year: 2007,
      container: 'Journal of Politics',
      volume: '69(4)',
      pages: '1118–1132',
      url: null,
    }),
};
