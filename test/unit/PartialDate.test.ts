import { describe, expect, it } from 'vitest';
import { PartialDate } from '../../src/schema/PartialDate.js';

describe('PartialDate', () => {
  it('reads a year, a month or a day, with the period it covers', () => {
    const y = PartialDate.parse('1914') as PartialDate;
    expect([y.precision, y.start, y.end, y.toString()]).toEqual(['YEAR', '1914-01-01', '1914-12-31', '1914']);
    const m = PartialDate.parse('1900-02') as PartialDate;
    expect([m.precision, m.start, m.end]).toEqual(['MONTH', '1900-02-01', '1900-02-28']);
    const leap = PartialDate.parse('1904-02') as PartialDate;
    expect(leap.end).toBe('1904-02-29');
    const d = PartialDate.parse('1949-04-04') as PartialDate;
    expect([d.precision, d.start, d.end]).toEqual(['DAY', '1949-04-04', '1949-04-04']);
  });

  it('rejects malformed and impossible dates with a message', () => {
    expect(PartialDate.parse('1949-4-4')).toMatch(/not a date/);
    expect(PartialDate.parse('1899-13')).toMatch(/no month 13/);
    expect(PartialDate.parse('1900-02-29')).toMatch(/has 28 days/);
    expect(PartialDate.parse('April 1949')).toMatch(/not a date/);
  });
});
