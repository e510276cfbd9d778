/**
 * docs/codebook.md §1.4 gives the release in numbers, each with the shell command that counts it.
 * This runs every command as written (bash, from the repository root) and checks that the numbers
 * it prints are the numbers the table shows, so the table cannot fall behind the record.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

const section = readFileSync(join(projectRoot, 'docs', 'codebook.md'), 'utf8')
  .split('### 1.4 ')[1]!
  .split('\n## ')[0]!;
const rows = section
  .split('\n')
  .filter((l) => l.startsWith('| ') && l.includes('`'))
  .map((l) => {
    const cells = l.slice(2, -2).split(/ (?<!\\)\| /);
    return { figure: cells[0]!, value: cells[1]!, command: cells[2]!.replace(/^`|`$/g, '').replaceAll('\\|', '|') };
  });
const numbers = (text: string) => (text.match(/\d+/g) ?? []).map(Number).sort((a, b) => a - b);

describe('docs/codebook.md §1.4, the release in numbers', () => {
  it('has its rows', () => {
    expect(rows.map((r) => r.figure)).toContain('negotiations');
    expect(rows.length).toBeGreaterThanOrEqual(8);
  });
  it.each(rows.map((r) => [r.figure, r] as const))('%s: the command prints the figure shown', (_, r) => {
    const out = execFileSync('bash', ['-c', r.command], { cwd: projectRoot, encoding: 'utf8' });
    expect(numbers(out), r.command).toEqual(numbers(r.value));
  });
});
