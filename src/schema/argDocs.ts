/** Descriptions of the arguments many fields share, written once. */

/** `at` of a field that also takes `era` (read by `periodOf`, src/resolvers/lookups.ts). */
export const AT_ARG =
  'The date asked about (a month or a year is read as its first day); give `at` or `era`, not both.';
/** `era` of a field that also takes `at`. */
export const ERA_ARG =
  'The era asked about, its whole span (key such as "interwar", or global id); give `at` or `era`, not both.';
