/**
 * An export as a user gets it, for `npm run bench -- --only export-http`: the server in its own
 * process (./external.ts, `startApp`), the export fetched by curl in another, `/healthz` asked every
 * ~10 ms by ./healthProbe.ts in a third. What one run gives: the HTTP status, bytes, time to the first
 * byte and to the last, `/healthz` latencies sent while the export ran (and over an idle window
 * before it: what the machine's load alone causes), the server's RSS before and its peak during the
 * export (Linux: `/proc/<pid>/status`, the peak reset before each export through `clear_refs`), and
 * with `--trace-gc` the server's GC pauses during the export.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { assertLoopback } from './check.js';
import type { ServerProcess } from './external.js';

const epoch = () => performance.timeOrigin + performance.now();

/** VmRSS and VmHWM (peak) of a process in bytes, from /proc. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Clock ticks a second (`getconf CLK_TCK`: 100 on Linux). */
const TICK_MS = 10;

/**
 * CPU time (ms, at 10 ms resolution) of the whole process and of its main thread (the event loop),
 * and the main thread's involuntary context switches (taken off a core by the scheduler: on a busy
 * machine, time in which the loop can answer nothing), from /proc.
 */
export function cpuOf(pid: number): { processMs: number; mainMs: number; preempted: number } {
  const ticks = (stat: string) => {
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS; // utime + stime (fields 14, 15)
  };
  const preempted = /^nonvoluntary_ctxt_switches:\s+(\d+)/m.exec(
    readFileSync(`/proc/${pid}/task/${pid}/status`, 'utf8'),
  )?.[1];
  return {
    processMs: ticks(readFileSync(`/proc/${pid}/stat`, 'utf8')),
    mainMs: ticks(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8')),
    preempted: Number(preempted ?? NaN),
  };
}

/** Resets the process's peak RSS (VmHWM) to its current RSS (`clear_refs` 5, Linux ≥ 4.0). */
export function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

export interface Probe {
  /** Latencies (ms) of the answers to requests sent in [from, to] (epoch ms). */
  between(from: number, to: number): number[];
  /** The samples sent in [from, to]: [epoch ms sent, latency ms]. */
  samples(from: number, to: number): [number, number][];
  stop(): Promise<void>;
}

/** ./healthProbe.ts on `url`'s `/healthz` in its own process, asking every `intervalMs`. */
export async function startProbe(url: string, intervalMs = 10): Promise<Probe> {
  const target = new URL('/healthz', url).href;
  assertLoopback(target);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(projectRoot, 'scripts', 'harness', 'healthProbe.ts'), target, String(intervalMs)],
    { stdio: ['pipe', 'pipe', 'inherit'], cwd: projectRoot },
  );
  const samples: [number, number][] = [];
  let first: () => void;
  const started = new Promise<void>((r) => (first = r));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const [t, ms] = line.split(' ').map(Number) as [number, number];
    samples.push([t, ms]);
    first();
  });
  await started;
  return {
    between: (from, to) => samples.filter(([t]) => t >= from && t <= to).map(([, ms]) => ms),
    samples: (from, to) => samples.filter(([t]) => t >= from && t <= to),
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.stdin!.end();
      }),
  };
}

export interface CurlResult {
  status: number;
  bytes: number;
  /** ms from the start of curl's request to the first byte of the body, and to its end. */
  firstByteMs: number;
  totalMs: number;
  /** Epoch ms around the curl process. */
  from: number;
  to: number;
}

/** GET `url` with curl in its own process, the body discarded. */
export function curl(url: string): Promise<CurlResult> {
  assertLoopback(url);
  const from = epoch();
  const child: ChildProcess = spawn(
    'curl',
    [
      '-sS',
      '-o',
      '/dev/null',
      '--max-time',
      '900',
      '-w',
      '%{http_code} %{size_download} %{time_starttransfer} %{time_total}',
      url,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const to = epoch();
      if (code !== 0) return reject(new Error(`curl exited ${code}: ${err.slice(-300)}`));
      const [status, bytes, first, total] = out.trim().split(' ').map(Number) as [number, number, number, number];
      resolve({ status, bytes, firstByteMs: first * 1000, totalMs: total * 1000, from, to });
    });
  });
}

/**
 * The server's GC pauses (ms, with their kind) from its `--trace-gc` lines, each stamped with the
 * epoch ms at which it was read here (the trace's own clock is the process's).
 */
export function gcPauses(server: ServerProcess): {
  between(from: number, to: number): { kind: string; ms: number }[];
  /** Whether a pause (taken as ending when its line was read) overlaps [from, to]. */
  overlaps(from: number, to: number): boolean;
} {
  const pauses: [number, string, number][] = [];
  // `[pid:0x…]   12345 ms: Scavenge 40.1 (52.3) -> 38.7 (53.3) MB, 1.23 / 0.00 ms  (…`
  const re = /\d+ ms: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Sweep)[^,]*MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \//;
  server.onLine((line) => {
    const m = re.exec(line);
    if (m) pauses.push([epoch(), m[1]!, Number(m[2])]);
  });
  return {
    between: (from, to) => pauses.filter(([t]) => t >= from && t <= to).map(([, kind, ms]) => ({ kind, ms })),
    overlaps: (from, to) => pauses.some(([t, , ms]) => t - ms <= to && t >= from),
  };
}

/** The p-th percentile (nearest rank) of `xs`. */
export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
