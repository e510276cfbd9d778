/**
 * The record's sources as BibTeX (sources.bib) and CSL-JSON (sources.csl.json), keyed by the record's
 * source keys, so that a citation row (`citations.source_key`) finds its entry in a reference manager.
 *
 * The record writes each author as one string ("Paul W. Schroeder", "Correlates of War Project") and
 * does not say which are persons: names go out as written (CSL `literal`, BibTeX braced), never split
 * by guesswork.
 */
import type { SourcesByKeysRow } from '../store/queries.gen.js';

type Kind = 'BOOK' | 'ARTICLE' | 'CHAPTER' | 'DOCUMENTS' | 'DATASET' | 'TREATY_TEXT';

const BIBTEX_TYPE: Record<Kind, string> = {
  BOOK: 'book',
  ARTICLE: 'article',
  CHAPTER: 'incollection',
  DOCUMENTS: 'book',
  DATASET: 'misc',
  TREATY_TEXT: 'misc',
};

const CSL_TYPE: Record<Kind, string> = {
  BOOK: 'book',
  ARTICLE: 'article-journal',
  CHAPTER: 'chapter',
  DOCUMENTS: 'book',
  DATASET: 'dataset',
  TREATY_TEXT: 'treaty',
};

const kindOf = (s: SourcesByKeysRow): Kind => (s.kind in BIBTEX_TYPE ? (s.kind as Kind) : 'BOOK');

/** BibTeX's special characters escaped; other Unicode kept (biber and bibtex8 read UTF-8). */
function tex(s: string): string {
  return s
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');
}

/** One BibTeX entry. */
function bibEntry(s: SourcesByKeysRow): string {
  const kind = kindOf(s);
  const container =
    kind === 'ARTICLE' ? 'journal' : kind === 'CHAPTER' ? 'booktitle' : kind === 'DATASET' ? 'howpublished' : null;
  const fields: [string, string | number | null][] = [
    ['author', s.authors.map((a) => `{${tex(a)}}`).join(' and ')],
    ['title', `{${tex(s.title)}}`],
    ['year', s.year],
    [container ?? 'note', s.container ? tex(s.container) : null],
    ['volume', s.volume ? tex(s.volume) : null],
    ['pages', s.pages ? tex(s.pages.replace(/[–—]/g, '--')) : null],
    ['publisher', s.publisher ? tex(s.publisher) : null],
    ['url', s.url],
  ];
  const body = fields
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `  ${k} = {${v}}`)
    .join(',\n');
  return `@${BIBTEX_TYPE[kind]}{${s.key},\n${body}\n}\n`;
}

/** sources.bib: one entry per source, in the order given. */
export function bibtex(sources: readonly SourcesByKeysRow[]): string {
  return sources.map(bibEntry).join('\n');
}

/** sources.csl.json: a CSL-JSON array (what Zotero, Pandoc and citeproc read). */
export function cslJson(sources: readonly SourcesByKeysRow[]): string {
  const items = sources.map((s) => {
    const kind = kindOf(s);
    return {
      id: s.key,
      type: CSL_TYPE[kind],
      author: s.authors.map((literal) => ({ literal })),
      title: s.title,
      issued: { 'date-parts': [[s.year]] },
      ...(s.container ? { 'container-title': s.container } : {}),
      ...(s.volume ? { volume: s.volume } : {}),
      ...(s.pages ? { page: s.pages } : {}),
      ...(s.publisher ? { publisher: s.publisher } : {}),
      ...(s.url ? { URL: s.url } : {}),
    };
  });
  return `${JSON.stringify(items, null, 2)}\n`;
}
