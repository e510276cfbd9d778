/**
 * A zip of the package's files under one folder, reproducible: entries in the order given, deflated
 * at a fixed level, every entry dated the release date at 00:00 (the zip format's local time, so the
 * same in every time zone), no extra fields.
 */
import { zipSync, type Zippable } from 'fflate';

export function zipFiles(
  folder: string,
  files: readonly { path: string; data: Uint8Array }[],
  date: string,
): Uint8Array {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // fflate writes the DOS date from the Date's local fields: local midnight of the release date.
  const mtime = new Date(y, m - 1, d, 0, 0, 0);
  const entries: Zippable = {};
  for (const f of files) entries[`${folder}/${f.path}`] = [f.data, { level: 6, mtime }];
  return zipSync(entries);
}
