/** docker-compose.yml cannot run here (no Docker engine); check its shape instead. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../../src/paths.js';

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(projectRoot, 'docker-compose.yml'), 'utf8'), { uniqueKeys: true }) as {
    services: Record<
      string,
      {
        image: string;
        environment: Record<string, string>;
        healthcheck?: unknown;
        depends_on?: Record<string, { condition: string }>;
      }
    >;
  };
  it('runs Neo4j 5 community with auth from the environment and a health check', () => {
    expect(compose.services.neo4j!.image).toMatch(/^neo4j:5/);
    expect(compose.services.neo4j!.environment.NEO4J_AUTH).toMatch(/\$\{NEO4J_PASSWORD/);
    expect(compose.services.neo4j!.healthcheck).toBeTruthy();
  });
  it('runs the API on Neo4j once Neo4j is healthy', () => {
    const api = compose.services.api!;
    expect(api.environment).toMatchObject({ STORE: 'neo4j', NEO4J_URI: 'bolt://neo4j:7687' });
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
  });
});
