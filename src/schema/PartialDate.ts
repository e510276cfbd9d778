/**
 * A calendar date as historians give it: a day, a month or only a year. Users type `1914`,
 * `1914-07` or `1914-07-28`; the graph stores full dates with a precision beside them.
 */
import type { Precision } from '../domain/index.js';

export class PartialDate {
  constructor(
    readonly year: number,
    readonly month: number | null,
    readonly day: number | null,
  ) {}

  get precision(): Precision {
    return this.day !== null ? 'DAY' : this.month !== null ? 'MONTH' : 'YEAR';
  }

  /** First day of the period: `1914` → `1914-01-01`. */
  get start(): string {
    return iso(this.year, this.month ?? 1, this.day ?? 1);
  }

  /** Last day of the period: `1914` → `1914-12-31`, `1914-02` → `1914-02-28`. */
  get end(): string {
    if (this.day !== null) return this.start;
    const month = this.month ?? 12;
    const last = new Date(Date.UTC(this.year, month, 0)).getUTCDate();
    return iso(this.year, month, last);
  }

  toString(): string {
    return this.day !== null
      ? this.start
      : this.month !== null
        ? `${pad(this.year, 4)}-${pad(this.month, 2)}`
        : pad(this.year, 4);
  }

  /** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns an error message instead of throwing. */
  static parse(text: string): PartialDate | string {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
    if (!m) return `"${text}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`;
    const year = Number(m[1]);
    const month = m[2] !== undefined ? Number(m[2]) : null;
    const day = m[3] !== undefined ? Number(m[3]) : null;
    if (month !== null && (month < 1 || month > 12)) return `"${text}" has no month ${month}`;
    if (day !== null) {
      const last = new Date(Date.UTC(year, month!, 0)).getUTCDate();
      if (day < 1 || day > last)
        return `"${text}" is not a calendar date (${pad(year, 4)}-${pad(month!, 2)} has ${last} days)`;
    }
    return new PartialDate(year, month, day);
  }
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
