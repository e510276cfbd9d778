/**
 * The codebook's list of the data package's tables and columns (docs/codebook.md §22, between the
 * markers below), rendered from the same declarations as datapackage.json (./packageTables.ts), so
 * the two cannot drift: test/drift/releaseDocs.test.ts checks the committed section is this text, and
 * `npx tsx scripts/renderCodebookTables.ts` rewrites it.
 */
import { PACKAGE_TABLES, type Column, type TableDecl } from './packageTables.js';

export const CODEBOOK_BEGIN = '<!-- BEGIN package tables: written by scripts/renderCodebookTables.ts -->';
export const CODEBOOK_END = '<!-- END package tables -->';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function values(c: Column): string {
  const parts: string[] = [];
  if (c.enum) parts.push(c.enum.map((v) => `\`${v}\``).join(', '));
  if (c.minimum !== undefined && c.maximum !== undefined) parts.push(`${c.minimum} to ${c.maximum}`);
  else if (c.minimum !== undefined) parts.push(`≥ ${c.minimum}`);
  else if (c.maximum !== undefined) parts.push(`≤ ${c.maximum}`);
  return parts.join('; ');
}

const keyList = (fields: string[]) => fields.map((f) => `\`${f}\``).join(', ');

function tableSection(t: TableDecl): string {
  const fks = t.foreignKeys.map((k) => `${keyList(k.fields)} → \`${k.table || t.name}\`(${keyList(k.tableFields)})`);
  const lines = [
    `### \`${t.name}.csv\` — ${t.title}`,
    '',
    `One row is ${t.row}.${t.description ? ` ${t.description}` : ''}`,
    '',
    `Primary key: ${keyList(t.primaryKey)}.${fks.length ? ` Foreign keys: ${fks.join('; ')}.` : ''}`,
    '',
    '| column | type | values | description |',
    '|---|---|---|---|',
    ...t.columns.map(
      (c) =>
        `| \`${c.name}\` | ${c.type}${c.required ? ', never empty' : ''} | ${cell(values(c))} | ${cell(c.description)} |`,
    ),
  ];
  return lines.join('\n');
}

/** The generated part of §22: every table and column, in the order of datapackage.json. */
export function codebookTables(): string {
  return [CODEBOOK_BEGIN, '', ...PACKAGE_TABLES.flatMap((t) => [tableSection(t), '']), CODEBOOK_END].join('\n');
}

/** `text` (docs/codebook.md) with its generated section replaced by the current one. */
export function withCodebookTables(text: string): string {
  const from = text.indexOf(CODEBOOK_BEGIN);
  const to = text.indexOf(CODEBOOK_END);
  if (from < 0 || to < from)
    throw new Error(`docs/codebook.md has no section between "${CODEBOOK_BEGIN}" and "${CODEBOOK_END}"`);
  return text.slice(0, from) + codebookTables() + text.slice(to + CODEBOOK_END.length);
}
