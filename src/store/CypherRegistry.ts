/**
 * Every query the program runs is a `.cypher` file in `cypher/`, loaded once at start-up. The file
 * name (without extension) is the query's identity everywhere: registry key, transaction metadata,
 * log field, test name, and the name of its typed handle in `queries.gen.ts`.
 *
 * Each file opens with a `//` header: what it answers, then its parameters and its columns with
 * their types (see `cypherTypes.ts`); a line indented by two spaces continues the one before:
 *
 *     // The war plans brought to each negotiation.
 *     // params: $ids: string[] (negotiation ids)
 *     // returns: id: string, node: {id: string, kind: string, party: int}
 *
 * The registry checks that the parameters the text uses are exactly the ones the header declares;
 * the tests check every returned row against the declared columns.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cypherDir } from '../paths.js';
import { parseFields, type CypherType, type Field } from './cypherTypes.js';

export interface CypherQuery {
  name: string;
  text: string;
  description: string;
  /** Names of the declared parameters, in header order. */
  params: string[];
  /** The declared parameters with their types. */
  paramTypes: Field[];
  /** Field names the header declares inside parameter maps (for the Neo4j lint's property keys). */
  paramFields: string[];
  /** Names of the declared columns. */
  returns: string[];
  /** The declared columns with their types. */
  columns: Field[];
  /** WRITE when the statement creates, merges, sets or deletes anything. */
  mode: 'READ' | 'WRITE';
  file: string;
}

const PARAM_USE = /\$([A-Za-z_][A-Za-z0-9_]*)/g;
const WRITES = /\b(CREATE|MERGE|SET|DELETE|REMOVE)\b/i;

function mapFieldNames(t: CypherType, out: Set<string>): void {
  if (t.kind === 'list') mapFieldNames(t.of, out);
  else if (t.kind === 'map')
    for (const f of t.fields) {
      out.add(f.name);
      mapFieldNames(f.type, out);
    }
}

/** Parses one file's text; exported for tests. */
export function parseCypherFile(name: string, source: string, file = `${name}.cypher`): CypherQuery {
  const lines = source.split('\n');
  const header: string[] = [];
  let i = 0;
  for (; i < lines.length && lines[i]!.trimStart().startsWith('//'); i++) {
    const line = lines[i]!.replace(/^\s*\/\/ ?/, '');
    if (/^ {2,}\S/.test(line) && header.length && /^(params|returns):/i.test(header.at(-1)!))
      header[header.length - 1] += ` ${line.trim()}`;
    else header.push(line);
  }
  const body = lines.slice(i).join('\n').trim();
  let paramTypes: Field[] | undefined;
  let columns: Field[] | undefined;
  const description: string[] = [];
  for (const h of header) {
    const m = /^(params|returns):\s*(.*)$/i.exec(h);
    if (!m) {
      description.push(h);
      continue;
    }
    if (m[1]!.toLowerCase() === 'params') paramTypes = parseFields(m[2]!, `${file} params`, true);
    else columns = parseFields(m[2]!, `${file} returns`, false);
  }
  if (!body) throw new Error(`${file}: no statement after the header`);
  if (!description.length) throw new Error(`${file}: the header must say what the query answers`);
  if (!paramTypes)
    throw new Error(`${file}: the header must declare its parameters ("// params: (none)" when there are none)`);
  if (!columns)
    throw new Error(`${file}: the header must declare its columns ("// returns: (none)" when there are none)`);
  const params = paramTypes.map((p) => p.name);
  const used = new Set([...body.replace(/\/\/.*$/gm, '').matchAll(PARAM_USE)].map((m) => m[1]!));
  const undeclared = [...used].filter((p) => !params.includes(p));
  const unused = params.filter((p) => !used.has(p));
  if (undeclared.length)
    throw new Error(
      `${file}: parameters used but not declared in the header: ${undeclared.map((p) => `$${p}`).join(', ')}`,
    );
  if (unused.length)
    throw new Error(`${file}: parameters declared but not used: ${unused.map((p) => `$${p}`).join(', ')}`);
  const fields = new Set<string>();
  for (const p of paramTypes) mapFieldNames(p.type, fields);
  return {
    name,
    text: body,
    description: description.join(' ').trim(),
    params,
    paramTypes,
    paramFields: [...fields],
    returns: columns.map((c) => c.name),
    columns,
    mode: WRITES.test(body.replace(/\/\/.*$/gm, '')) ? 'WRITE' : 'READ',
    file,
  };
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
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.cypher'))
      .sort();
    return new CypherRegistry(
      files.map((f) => parseCypherFile(basename(f, '.cypher'), readFileSync(join(dir, f), 'utf8'), f)),
    );
  }

  get(name: string): CypherQuery {
    const q = this.queries.get(name);
    if (!q) throw new Error(`no Cypher file named ${name}.cypher in cypher/`);
    return q;
  }

  names(): string[] {
    return [...this.queries.keys()];
  }
  all(): CypherQuery[] {
    return [...this.queries.values()];
  }
}
