/**
 * What the fuzz and load harnesses check on every response, and how they count: by HTTP status
 * and by `extensions.code` (or `code` for the non-GraphQL routes). A failure is a 5xx that is not
 * a store outage, a body that is not JSON, a GraphQL error without a code, a stack trace or an
 * absolute path in a body, or no answer within the per-request time (a hang).
 */
export interface Tally {
  requests: number;
  byStatus: Record<string, number>;
  byCode: Record<string, number>;
  failures: { kind: string; request: string; status?: number; detail: string }[];
  /** Requests answered INTERNAL_SERVER_ERROR below 500 (a masked bug in a resolver): reported; fatal with --strict. */
  internal: string[];
}

export function newTally(): Tally {
  return { requests: 0, byStatus: {}, byCode: {}, failures: [], internal: [] };
}

const inc = (o: Record<string, number>, k: string) => {
  o[k] = (o[k] ?? 0) + 1;
};

/** 5xx codes that are not the server's fault. */
const OUTAGE_CODES = new Set(['STORE_UNAVAILABLE']);
/** A stack frame, an absolute path, a file URL, an HTML error page. */
const LEAK =
  /(?:\bat [\w.<>$ ]+ \((?:\/|file:|node:|[A-Z]:\\)|\/(?:work|home|tmp|usr|root|srv|opt)\/|node_modules|file:\/\/|\.[jt]s:\d+:\d+|<!DOCTYPE|<html)/i;

export interface Probe {
  label: string;
  status: number;
  contentType: string | null;
  body: string;
}

export function record(t: Tally, p: Probe, maxFailures = 50): void {
  t.requests += 1;
  inc(t.byStatus, String(p.status));
  const fail = (kind: string, detail: string) => {
    if (t.failures.length < maxFailures)
      t.failures.push({ kind, request: p.label.slice(0, 300), status: p.status, detail: detail.slice(0, 300) });
    inc(t.byCode, `!${kind}`);
  };
  if (p.status === 204 || p.status === 304) {
    inc(t.byCode, '(no body)');
    return;
  }
  const isExportBody = p.status === 200 && !!p.contentType && !/json/.test(p.contentType);
  if (isExportBody) {
    inc(t.byCode, '(export body)');
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(p.body);
  } catch {
    fail('non-json', `${p.contentType}: ${p.body.slice(0, 200)}`);
    return;
  }
  if (LEAK.test(p.body)) fail('leak', p.body.slice(0, 300));
  const codes: string[] = [];
  const obj = json as {
    errors?: { extensions?: { code?: unknown } }[];
    code?: unknown;
    error?: unknown;
    data?: unknown;
  };
  if (Array.isArray(obj.errors)) {
    for (const e of obj.errors) {
      const c = e?.extensions?.code;
      if (typeof c !== 'string') fail('no-code', JSON.stringify(e).slice(0, 300));
      else codes.push(c);
    }
  } else if (typeof obj.code === 'string') codes.push(obj.code);
  else if (p.status >= 400) fail('no-code', p.body.slice(0, 200));
  if (!codes.length) inc(t.byCode, p.status < 400 ? '(ok)' : '(none)');
  for (const c of new Set(codes)) inc(t.byCode, c);
  if (p.status >= 500 && !codes.every((c) => OUTAGE_CODES.has(c))) fail('5xx', p.body.slice(0, 300));
  if (codes.includes('INTERNAL_SERVER_ERROR') && t.internal.length < 20)
    t.internal.push(`${p.label.slice(0, 200)} -> ${p.body.slice(0, 200)}`);
}

export function recordHang(t: Tally, label: string, ms: number): void {
  t.requests += 1;
  inc(t.byStatus, 'hang');
  if (t.failures.length < 50)
    t.failures.push({ kind: 'hang', request: label.slice(0, 300), detail: `no answer within ${ms} ms` });
}

export function recordNetworkError(t: Tally, label: string, e: unknown): void {
  t.requests += 1;
  inc(t.byStatus, 'network-error');
  if (t.failures.length < 50)
    t.failures.push({ kind: 'network', request: label.slice(0, 300), detail: String((e as Error)?.cause ?? e) });
}

export function failed(t: Tally): boolean {
  return (
    t.failures.length > 0 ||
    Object.keys(t.byCode).some((k) => k.startsWith('!')) ||
    (t.byStatus.hang ?? 0) > 0 ||
    (t.byStatus['network-error'] ?? 0) > 0
  );
}

export function formatTally(t: Tally): string {
  const line = (o: Record<string, number>) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  const out = [`requests ${t.requests}`, `by status: ${line(t.byStatus)}`, `by code:   ${line(t.byCode)}`];
  if (t.internal.length)
    out.push(
      `masked internal errors (${t.byCode.INTERNAL_SERVER_ERROR ?? 0}), e.g.:`,
      ...t.internal.slice(0, 5).map((x) => `  ${x}`),
    );
  if (t.failures.length)
    out.push(
      `FAILURES (${t.failures.length} shown):`,
      ...t.failures.map((f) => `  [${f.kind}] ${f.status ?? ''} ${f.request}\n      ${f.detail}`),
    );
  return out.join('\n');
}

/** Only loopback targets: the harnesses must never be pointed at someone else's server. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (!(host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)))
    throw new Error(`refusing to target ${url}: loopback only (127.0.0.1, ::1, localhost)`);
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}
