/** Progress while importing: a cli-progress bar per data set on a terminal, nothing in tests. */
import cliProgress from 'cli-progress';

export interface ProgressReporter {
  start(dataset: string, total: number): void;
  advance(rows: number): void;
  stop(): void;
}

export const silentProgress: ProgressReporter = { start() {}, advance() {}, stop() {} };

/** One bar per data set, written to stderr (only when it is a terminal unless `force`). */
export function barProgress(stream: NodeJS.WriteStream = process.stderr, force = false): ProgressReporter {
  if (!stream.isTTY && !force) return silentProgress;
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(dataset, total) {
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${dataset.padEnd(10)} [{bar}] {percentage}% | {value}/{total} rows | {duration_formatted}`,
          hideCursor: true,
          clearOnComplete: false,
          barsize: 30,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    advance(rows) {
      bar?.increment(rows);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
