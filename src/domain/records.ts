/** How the record qualifies a coded fact: confidence, date precision, calendar, kinds of source. */
export const CONFIDENCE = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type Confidence = (typeof CONFIDENCE)[number];

export const PRECISIONS = ['DAY', 'MONTH', 'YEAR'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const SOURCE_KINDS = ['BOOK', 'ARTICLE', 'CHAPTER', 'DOCUMENTS', 'DATASET', 'TREATY_TEXT'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
