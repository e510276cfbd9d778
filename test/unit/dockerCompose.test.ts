/**
 * docker-compose.yml and the Dockerfile cannot run here (no Docker engine; `docker compose config`
 * is not available either): their shape is checked by parsing them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../../src/paths.js';

interface Service {
  image?: string;
  build?: string | { context: string };
  command?: unknown;
  volumes?: string[];
  environment: Record<string, string>;
  ports?: string[];
  healthcheck?: { test: string | string[] };
  depends_on?: Record<string, { condition: string }>;
}

const read = (file: string) => readFileSync(join(projectRoot, file), 'utf8');

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { uniqueKeys: true }) as { services: Record<string, Service> };
  const { neo4j, api } = compose.services as { neo4j: Service; api: Service };

  it('runs the Neo4j line the tests run on (scripts/neo4j/pom.xml), community, auth from the environment, health-checked', () => {
    const tested = /<neo4j\.version>(\d+\.\d+)\.\d+<\/neo4j\.version>/.exec(read('scripts/neo4j/pom.xml'))![1]!;
    expect(tested).toBe('5.26');
    expect(neo4j.image).toMatch(new RegExp(`^neo4j:${tested.replace('.', '\\.')}(\\.\\d+)?-community$`));
    expect(neo4j.environment.NEO4J_AUTH).toMatch(/\$\{NEO4J_PASSWORD/);
    expect(neo4j.healthcheck).toBeTruthy();
  });

  it('runs the API on Neo4j once Neo4j is healthy, and is healthy itself when /readyz answers', () => {
    expect(api.environment).toMatchObject({ STORE: 'neo4j', NEO4J_URI: 'bolt://neo4j:7687' });
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect([api.healthcheck!.test].flat().join(' ')).toMatch(/http:\/\/127\.0\.0\.1:4000\/readyz/);
  });

  it('builds the API image once from the Dockerfile: no npm ci at start, no source folder mounted', () => {
    expect(api.build).toBe('.');
    expect(api.command).toBeUndefined();
    expect(api.volumes ?? []).toEqual([]);
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^RUN node scripts\/buildIfStale\.mjs --force/m);
    // The server with the node flags npm start gives it (package.json), not a second list that drifts.
    const start = (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start;
    const flags = /\bnode((?:\s+--\S+)*)\s+dist\/src\/cli\.js serve$/.exec(start)![1]!.trim().split(/\s+/);
    expect(flags).toContain('--max-semi-space-size=32');
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)![1]!;
    expect(JSON.parse(cmd)).toEqual(['node', ...flags, 'dist/src/cli.js', 'serve']);
    const ignored = read('.dockerignore').split('\n');
    for (const p of ['node_modules', 'dist', 'data', '.env']) expect(ignored).toContain(p);
  });

  it('publishes every port on 127.0.0.1 unless BIND_ADDRESS says otherwise', () => {
    const ports = Object.values(compose.services).flatMap((s) => s.ports ?? []);
    expect(ports.length).toBe(3);
    for (const p of ports) expect(p).toMatch(/^\$\{BIND_ADDRESS:-127\.0\.0\.1\}:\d+:\d+$/);
  });
});
