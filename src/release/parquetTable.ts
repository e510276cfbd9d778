/**
 * The Parquet copy of a large table, read back from its CSV (so the two hold the same values) and typed
 * from the table's declaration: integer → INT32, number → DOUBLE, string and date → UTF-8 string; every
 * column nullable where the declaration allows an empty cell. Snappy-compressed, fixed row groups, no
 * timestamp: the same CSV gives the same bytes. pandas (`read_parquet`, pyarrow) and R (`arrow`) read it.
 */
import { parse } from 'csv-parse/sync';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { BasicType } from 'hyparquet-writer';
import { invariant } from '../errors/index.js';
import type { ReleaseInfo } from '../releaseInfo.js';
import type { Column, TableDecl } from './packageTables.js';

const PARQUET_TYPE: Record<Column['type'], BasicType> = {
  integer: 'INT32',
  number: 'DOUBLE',
  string: 'STRING',
  date: 'STRING',
};

const ROW_GROUP = 100_000;

/** The fields of each data line: a plain split when no field is quoted (the dyad-years), else the CSV parser. */
function dataRows(csv: string): string[][] {
  if (csv.includes('"')) return parse(csv, { from_line: 2 }) as string[][];
  const lines = csv.split('\n');
  return lines.slice(1, lines.at(-1) === '' ? -1 : undefined).map((line) => line.split(','));
}

/** The Parquet bytes of `csv` (the table's CSV text, with its header). */
export function parquetFromCsv(decl: TableDecl, csv: string, release: ReleaseInfo): Uint8Array {
  const header = csv.slice(0, csv.indexOf('\n')).split(',');
  invariant(
    header.join(',') === decl.columns.map((c) => c.name).join(','),
    `${decl.name}: the CSV header is not the declaration's`,
  );
  const rows = dataRows(csv);
  invariant(
    rows.every((r) => r.length === decl.columns.length),
    `${decl.name}: a CSV line has not ${decl.columns.length} fields`,
  );
  const columnData = decl.columns.map((c, i) => {
    const numeric = c.type === 'integer' || c.type === 'number';
    const data = rows.map((r) => {
      const v = r[i]!;
      if (v === '') return null;
      return numeric ? Number(v) : v;
    });
    return { name: c.name, data, type: PARQUET_TYPE[c.type], nullable: !c.required };
  });
  const buffer = parquetWriteBuffer({
    columnData,
    rowGroupSize: ROW_GROUP,
    createdBy: `alliance-graph release ${release.version}`,
    kvMetadata: [
      { key: 'release', value: release.version },
      { key: 'citation', value: release.citation },
    ],
  });
  return new Uint8Array(buffer);
}
