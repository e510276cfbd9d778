/** The package's file writers on small, hand-made inputs: CSV dialect, the zip's dates, the bibliographies, the descriptor. */
import { describe, expect, it } from 'vitest';
import { OUTCOMES, PRECISIONS } from '../../src/domain/index.js';
import { bibtex, cslJson } from '../../src/release/bibliography.js';
import { csvTable } from '../../src/release/csvTable.js';
import { dataPackageDescriptor, tableSchema } from '../../src/release/dataPackage.js';
import { PACKAGE_TABLES, tableDecl, type TableDecl } from '../../src/release/packageTables.js';
import { zipFiles } from '../../src/release/zipFolder.js';
import { releaseInfo } from '../../src/releaseInfo.js';
import type { SourcesByKeysRow } from '../../src/store/queries.gen.js';

const decl: TableDecl = {
  name: 't',
  title: 'T',
  row: 'a row',
  description: '',
  columns: [
    { name: 'id', type: 'string', description: '', required: true },
    { name: 'n', type: 'number', description: '' },
    { name: 'note', type: 'string', description: '' },
  ],
  primaryKey: ['id'],
  foreignKeys: [],
};

describe('the package files', () => {
  it('CSV: a header, LF line ends, quotes only where a field needs them, empty for missing', () => {
    const text = csvTable(decl, [
      { id: 'a', n: 0.5, note: 'plain' },
      { id: 'b', n: null, note: 'with, comma and "quotes"\nand a line' },
    ]);
    expect(text).toBe('id,n,note\na,0.5,plain\nb,,"with, comma and ""quotes""\nand a line"\n');
  });

  it('CSV: a row without exactly the declared columns is a bug, not a file', () => {
    expect(() => csvTable(decl, [{ id: 'a', n: 1 }])).toThrow(/Invariant violation/);
    expect(() => csvTable(decl, [{ id: 'a', n: 1, note: null, extra: 1 }])).toThrow(/Invariant violation/);
  });

  it('the zip is the same bytes in every time zone, its entries dated the release date', () => {
    const files = [{ path: 'a.csv', data: new TextEncoder().encode('x\n1\n') }];
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = zipFiles('p-1.0.0', files, '2026-12-07');
      process.env.TZ = 'Pacific/Auckland';
      const auckland = zipFiles('p-1.0.0', files, '2026-12-07');
      process.env.TZ = 'America/Los_Angeles';
      const la = zipFiles('p-1.0.0', files, '2026-12-07');
      expect(Buffer.from(auckland).equals(Buffer.from(utc))).toBe(true);
      expect(Buffer.from(la).equals(Buffer.from(utc))).toBe(true);
      // DOS date of the local header (offset 12): ((2026-1980) << 9) | (12 << 5) | 7; time (offset 10): 0.
      const view = new DataView(utc.buffer, utc.byteOffset);
      expect(view.getUint16(12, true)).toBe(((2026 - 1980) << 9) | (12 << 5) | 7);
      expect(view.getUint16(10, true)).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('BibTeX escapes its special characters; names go out as the record writes them', () => {
    const source: SourcesByKeysRow = {
      key: 'x-1999',
      kind: 'ARTICLE',
      authors: ['Correlates of War Project', 'Paul W. Schroeder'],
      title: 'Arms & Alliances: 50% of_all',
      year: 1999,
      publisher: null,
      container: 'Journal #1',
      volume: '3',
      pages: '1–20',
      url: null,
      citation: '',
    };
    expect(bibtex([source])).toBe(
      '@article{x-1999,\n  author = {{Correlates of War Project} and {Paul W. Schroeder}},\n  title = {{Arms \\& Alliances: 50\\% of\\_all}},\n  year = {1999},\n  journal = {Journal \\#1},\n  volume = {3},\n  pages = {1--20}\n}\n',
    );
    const [item] = JSON.parse(cslJson([source])) as Record<string, unknown>[];
    expect(item).toMatchObject({
      id: 'x-1999',
      type: 'article-journal',
      author: [{ literal: 'Correlates of War Project' }, { literal: 'Paul W. Schroeder' }],
      issued: { 'date-parts': [[1999]] },
      'container-title': 'Journal #1',
    });
  });

  it('datapackage.json derives every field from the declarations; vocabularies from src/domain', () => {
    const negotiations = tableSchema(tableDecl('negotiations'));
    const outcome = negotiations.fields.find((f) => f.name === 'outcome')!;
    expect(outcome.constraints).toEqual({ required: true, enum: [...OUTCOMES] });
    expect(negotiations.fields.find((f) => f.name === 'start_precision')!.constraints?.enum).toEqual([...PRECISIONS]);
    expect(negotiations.missingValues).toEqual(['']);
    const descriptor = dataPackageDescriptor({
      release: releaseInfo(),
      tables: PACKAGE_TABLES.map((d) => ({ decl: d, rows: 0, file: { path: `${d.name}.csv`, bytes: 0, sha256: '0' } })),
      others: [],
      dataSets: [],
    });
    for (const [i, d] of PACKAGE_TABLES.entries()) {
      const r = descriptor.resources[i] as { name: string; schema: ReturnType<typeof tableSchema> };
      expect(r.name).toBe(d.name);
      expect(r.schema.fields.map((f) => f.name)).toEqual(d.columns.map((c) => c.name));
      for (const k of d.foreignKeys) {
        const target = k.table === '' ? d : tableDecl(k.table);
        expect(target.primaryKey, `${d.name} → ${target.name}`).toEqual(expect.arrayContaining(k.tableFields));
        for (const f of k.fields) expect(d.columns.map((c) => c.name)).toContain(f);
      }
    }
  });
});
