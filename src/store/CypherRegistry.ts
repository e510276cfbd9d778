/**
 * Every query the program runs is a `.cypher` file in `cypher/`, loaded once at start-up and run by
 * name. The file name (without extension) is the query's identity everywhere: registry key,
 * transaction metadata, log field, test name.
 *
 * Each file opens with a `//` header:
 *
 *     // What it answers, in a sentence or two.
 *     // params: $ids (string[]) the negotiation ids
 *     // returns: id, state
 *
 * The registry checks that the parameters the text uses are exactly the ones the header declares.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cypherDir } from '../paths.js';

export interface CypherQuery {
  name: string;
  text: string;
  description: string;
  params: string[];
  /** Field names the header declares inside parameter maps (`$rows (list of {id, name})`). */
  paramFields: string[];
  returns: string[];
  file: string;
}

const PARAM_USE = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Parses one file's text; exported for tests. */
export function parseCypherFile(name: string, source: string, file = `${name}.cypher`): CypherQuery {
  const lines = source.split('\n');
  const header: string[] = [];
  let i = 0;
  for (; i < lines.length && lines[i]!.trimStart().startsWith('//'); i++) header.push(lines[i]!.replace(/^\s*\/\/\s?/, ''));
  const body = lines.slice(i).join('\n').trim();
  const params: string[] = [];
  const paramFields: string[] = [];
  const returns: string[] = [];
  const description: string[] = [];
  for (const h of header) {
    const m = /^(params|returns):\s*(.*)$/i.exec(h);
    if (!m) { description.push(h); continue; }
    if (m[1]!.toLowerCase() === 'params') {
      for (const p of m[2]!.matchAll(PARAM_USE)) params.push(p[1]!);
      for (const braces of m[2]!.matchAll(/\{([^}]*)\}/g)) {
        for (const f of braces[1]!.split(/[,:\s]+/)) if (/^[A-Za-z_]\w*$/.test(f) && !paramFields.includes(f)) paramFields.push(f);
      }
    } else {
      returns.push(...m[2]!.split(',').map((c) => c.trim()).filter((c) => c && c !== '(none)'));
    }
  }
  if (!body) throw new Error(`${file}: no statement after the header`);
  if (!description.length) throw new Error(`${file}: the header must say what the query answers`);
  const used = new Set([...body.replace(/\/\/.*$/gm, '').matchAll(PARAM_USE)].map((m) => m[1]!));
  const undeclared = [...used].filter((p) => !params.includes(p));
  const unused = params.filter((p) => !used.has(p));
  if (undeclared.length) throw new Error(`${file}: parameters used but not declared in the header: ${undeclared.map((p) => `$${p}`).join(', ')}`);
  if (unused.length) throw new Error(`${file}: parameters declared but not used: ${unused.map((p) => `$${p}`).join(', ')}`);
  return { name, text: body, description: description.join(' ').trim(), params, paramFields, returns, file };
}

export class CypherRegistry {
  private readonly queries = new Map<string, CypherQuery>();

  constructor(queries: CypherQuery[]) {
    for (const q of queries) {
      if (this.queries.has(q.name)) throw new Error(`duplicate query name ${q.name}`);
      this.queries.set(q.name, q);
    }
  }

  /** Loads every `*.cypher` file of `dir` (default: the project's `cypher/`). */
  static load(dir: string = cypherDir): CypherRegistry {
    const files = readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();
    return new CypherRegistry(files.map((f) => parseCypherFile(basename(f, '.cypher'), readFileSync(join(dir, f), 'utf8'), f)));
  }

  get(name: string): CypherQuery {
    const q = this.queries.get(name);
    if (!q) throw new Error(`no Cypher file named ${name}.cypher in cypher/`);
    return q;
  }

  names(): string[] { return [...this.queries.keys()]; }
  all(): CypherQuery[] { return [...this.queries.values()]; }
}
