/** How the record qualifies a coded fact: confidence, date precision, calendar, kinds of source. */
export const CONFIDENCE = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type Confidence = (typeof CONFIDENCE)[number];
export const CONFIDENCE_DESCRIPTIONS: Record<Confidence, string> = {
  HIGH: 'The sources support the fact directly.',
  MEDIUM:
    'The sources support the fact with some uncertainty, stated beside it (a note, a justification or the evidence).',
  LOW: "The sources support the fact only weakly; it is the coder's tentative reading, with the uncertainty stated beside it.",
};

/** A date the sources give only to the month or the year is written as the first day of that month or year. */
export const PRECISIONS = ['DAY', 'MONTH', 'YEAR'] as const;
export type Precision = (typeof PRECISIONS)[number];
export const PRECISION_DESCRIPTIONS: Record<Precision, string> = {
  DAY: 'The day is known.',
  MONTH: 'Only the month is known; the date is its first day.',
  YEAR: 'Only the year is known; the date is 1 January.',
};

export const SOURCE_KINDS = ['BOOK', 'ARTICLE', 'CHAPTER', 'DOCUMENTS', 'DATASET', 'TREATY_TEXT'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
