/**
 * src/export/xmlWriter.ts writes the text xmlbuilder2's callback writer made for the GEXF export
 * (issue 29 §3: the same bytes without a DOM per element). Checked against xmlbuilder2 itself on
 * the calls the GEXF writer makes, with the values that need escaping (a bare `&`, one that begins
 * an entity, `<`, `>`, quotes, line breaks, non-ASCII), empty and null attributes, text, and
 * elements with and without children.
 */
import { describe, expect, it } from 'vitest';
import { createCB } from 'xmlbuilder2';
import { XmlWriter, type XmlAttributes } from '../../src/export/xmlWriter.js';

type Call = ['ele', string, XmlAttributes?] | ['txt', string] | ['up'];

/** What both writers make of `calls`, after the declaration and inside a namespaced document element. */
function both(calls: Call[]): { ours: string; theirs: string } {
  let theirs = '';
  const cb = createCB({ data: (s: string) => void (theirs += s), prettyPrint: true });
  cb.dec({ version: '1.0', encoding: 'UTF-8' });
  cb.ele('http://gexf.net/1.3', 'gexf', { version: '1.3' });
  const ours = new XmlWriter();
  ours.dec('1.0', 'UTF-8');
  ours.ele('gexf', { xmlns: 'http://gexf.net/1.3', version: '1.3' });
  for (const c of calls) {
    if (c[0] === 'ele') {
      cb.ele(c[1], c[2] as Record<string, string>);
      ours.ele(c[1], c[2]);
    } else if (c[0] === 'txt') {
      cb.txt(c[1]);
      ours.txt(c[1]);
    } else {
      cb.up();
      ours.up();
    }
  }
  cb.up();
  cb.end();
  ours.up();
  ours.end();
  return { ours: ours.take(), theirs };
}

const TRICKY = [
  'plain',
  'Austria & Hungary',
  'already &amp; escaped',
  '&lt;&gt;&quot;&apos;',
  '&unknown; & &#38; &',
  'a < b > c',
  'say "no"',
  "it's",
  'two\nlines\tand\r',
  'Côte d’Ivoire — 日本',
  '',
];

describe('XmlWriter writes what xmlbuilder2 wrote', () => {
  it('nested elements, self-closed empty ones, text, numbers and booleans as attribute values', () => {
    const { ours, theirs } = both([
      ['ele', 'meta', { lastmodifieddate: '2024-01-01' }],
      ['ele', 'creator'],
      ['txt', 'alliance-graph'],
      ['up'],
      ['ele', 'description'],
      ['txt', 'first part.'],
      ['txt', ' Second part & more <here>.'],
      ['up'],
      ['up'],
      ['ele', 'graph', { mode: 'dynamic', start: '1815-01-01', count: 3, weight: 2.5, flag: true, zero: 0 }],
      ['ele', 'nodes', { count: 0 }],
      ['up'],
      ['ele', 'edges'],
      ['ele', 'edge', { id: 'a-b', source: 'a', target: 'b' }],
      ['ele', 'spells'],
      ['ele', 'spell', { start: '1900-01-01', end: '1901-12-31' }],
      ['up'],
      ['up'],
      ['ele', 'color', { r: 192, g: 57, b: 43 }],
      ['up'],
      ['up'],
      ['up'],
      ['up'],
    ]);
    expect(ours).toBe(theirs);
  });

  it('escapes attribute values and text as xmlbuilder2 does, and leaves out null and undefined attributes', () => {
    const calls: Call[] = [];
    for (const value of TRICKY) {
      calls.push(['ele', 'node', { id: value, label: value, missing: null, absent: undefined, empty: '' }]);
      calls.push(['ele', 'attvalue', { for: 'abbrev', value }], ['up']);
      calls.push(['up']);
      calls.push(['ele', 'description'], ['txt', value], ['up']);
    }
    const { ours, theirs } = both(calls);
    expect(ours).toBe(theirs);
    expect(ours).toContain('Austria &amp; Hungary');
    expect(ours).toContain('already &amp; escaped');
    expect(ours).toContain('say &quot;no&quot;');
  });

  it('take() hands out the text in pieces that join to the whole', () => {
    const x = new XmlWriter();
    x.dec('1.0', 'UTF-8');
    x.ele('a');
    const pieces = [x.take()];
    x.ele('b', { v: 1 }).up();
    pieces.push(x.take());
    x.up();
    x.end();
    pieces.push(x.take());
    expect(pieces.join('')).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<a>\n  <b v="1"/>\n</a>');
  });
});
