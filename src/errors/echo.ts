/**
 * What an error may repeat of the client's input (issue 28 §2: an error naming 100,000 unknown
 * ccodes was 800 KB, once per request). The one home for the cap: a list is named by its first
 * few values and how many more there are; a message or a string extension is cut. `maskError`
 * applies `capMessage`/`capExtensions` to every error a client sees; code that names values the
 * client sent uses `echoList`/`echoValue` to say it well.
 */

/** Values of a list an error names before "and N more". */
export const ECHO_VALUES = 5;
/** Characters of one value (a key, an id) an error repeats. */
export const ECHO_CHARS = 100;
/** Characters of an error message sent to a client. */
export const MAX_MESSAGE_CHARS = 1000;

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/** One value the client sent, as an error repeats it (strings quoted, long ones cut). */
export function echoValue(value: string | number): string {
  return typeof value === 'number' ? String(value) : cut(JSON.stringify(value), ECHO_CHARS);
}

/** A list the client sent: "1, 2, 3, 4, 5 and 99,995 more". */
export function echoList(values: readonly (string | number)[]): string {
  const shown = values.slice(0, ECHO_VALUES).map(echoValue).join(', ');
  const more = values.length - ECHO_VALUES;
  return more > 0 ? `${shown} and ${more.toLocaleString('en')} more` : shown;
}

export const capMessage = (message: string): string => cut(message, MAX_MESSAGE_CHARS);

/** String extension values cut to ECHO_CHARS (a `key` the client sent may be of any length). */
export function capExtensions(ext: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ext)) out[k] = typeof v === 'string' ? cut(v, ECHO_CHARS) : v;
  return out;
}
