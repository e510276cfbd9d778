/**
 * The GraphiQL explorer at `/`, served entirely from local files: GraphiQL 4's UMD bundle with
 * React 18's UMD builds, straight out of node_modules (no CDN, no build step, nothing committed).
 * GraphiQL 5 would need a Vite build of its Monaco editor; GraphiQL 4 ships a ready bundle.
 * Apollo's own landing page and Sandbox load from a CDN and do not work offline, so they are off.
 *
 * The example operations of `examples.graphql` open as tabs; `/?query=…&variables=…` opens one more,
 * first (the network page links to the query behind what it shows). A bar above it links to the
 * other pages, `/network` and `/options`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import { parse, Kind } from 'graphql';
import { projectRoot } from '../paths.js';
import { packageFile } from './packageFile.js';

export const EXAMPLES_FILE = join(projectRoot, 'src', 'web', 'examples.graphql');

export interface ExampleOperation {
  name: string;
  query: string;
  variables?: string;
}

/** Splits examples.graphql into one tab per operation (variables from a `# variables: {...}` line). */
export function readExamples(file = EXAMPLES_FILE): ExampleOperation[] {
  const text = readFileSync(file, 'utf8');
  const doc = parse(text);
  return doc.definitions.flatMap((d) => {
    if (d.kind !== Kind.OPERATION_DEFINITION || !d.name) return [];
    const before = text.slice(0, d.loc!.start).split('\n').reverse();
    const comments: string[] = [];
    for (const line of before.slice(1)) {
      if (line.startsWith('#')) comments.unshift(line);
      else break;
    }
    const vars = comments.map((c) => /^#\s*variables:\s*(.*)$/.exec(c)?.[1]).find(Boolean);
    const description = comments.filter((c) => !/^#\s*variables:/.test(c)).join('\n');
    return [
      {
        name: d.name.value,
        query: `${description ? `${description}\n` : ''}${text.slice(d.loc!.start, d.loc!.end)}\n`,
        variables: vars,
      },
    ];
  });
}

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Alliance history graph — explorer</title>
<link rel="stylesheet" href="/explorer/graphiql.min.css">
<style>
html,body{height:100%;margin:0}
body{display:flex;flex-direction:column}
#pages{display:flex;align-items:baseline;gap:18px;padding:4px 12px;background:#2c3e50;color:#fff;font:14px/1.4 system-ui,sans-serif}
#pages strong{font-size:15px;margin-right:auto}
#pages a{color:#fff}
#graphiql{flex:1;min-height:0}
</style>
</head>
<body>
<nav id="pages" aria-label="pages"><strong>Alliance history graph — GraphQL explorer</strong><a href="/network">Alliance network</a><a href="/options">Outside options over time</a></nav>
<div id="graphiql">Loading the explorer…</div>
<script src="/explorer/react.production.min.js"></script>
<script src="/explorer/react-dom.production.min.js"></script>
<script src="/explorer/graphiql.min.js"></script>
<script src="/explorer/start.js"></script>
</body>
</html>`;

// `/?query=…&variables=…` (links from the network page) opens that operation as the first, active
// tab, before the example tabs; the `query`/`variables` props win over tabs GraphiQL restored.
const start = `(async function () {
  var params = new URLSearchParams(location.search);
  var examples = await (await fetch('/explorer/examples.json')).json();
  var tabs = examples.map(function (e) { return { query: e.query, variables: e.variables }; });
  var query = params.get('query');
  var variables = params.get('variables') || undefined;
  if (query) tabs.unshift({ query: query, variables: variables });
  var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher, defaultTabs: tabs, defaultEditorToolsVisibility: true, shouldPersistHeaders: false,
    query: query || undefined, variables: query ? variables : undefined,
  }));
})();`;

export function explorerRouter(): Router {
  const router = express.Router();
  const files: Record<string, string> = {
    'graphiql.min.js': packageFile('graphiql', 'graphiql.min.js'),
    'graphiql.min.css': packageFile('graphiql', 'graphiql.min.css'),
    'react.production.min.js': packageFile('react', 'umd/react.production.min.js'),
    'react-dom.production.min.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  };
  const examples = readExamples();
  router.get('/', (_req, res) => {
    res.type('html').send(page);
  });
  router.get('/explorer/start.js', (_req, res) => {
    res.type('js').send(start);
  });
  router.get('/explorer/examples.json', (_req, res) => {
    res.json(examples);
  });
  for (const [name, path] of Object.entries(files)) {
    router.get(`/explorer/${name}`, (_req, res) => {
      res.sendFile(path, { maxAge: '1d' });
    });
  }
  return router;
}
