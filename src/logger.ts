/** Structured JSON logs (pino): one line per event, with request ids and query names as fields. */
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'alliance-graph' }, timestamp: pino.stdTimeFunctions.isoTime });
}
export type { Logger };
