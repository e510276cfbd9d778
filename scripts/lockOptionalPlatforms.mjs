// Adds the other platforms' @grafeo-db/js binaries to package-lock.json as optional entries.
//
// Why: the registry these machines reach serves only the linux-x64-gnu binary of @grafeo-db/js,
// so `npm install` here drops the other platforms' optional packages from the lock file, and
// `npm ci` then refuses the lock as out of sync. Declared with their os/cpu, npm skips them on
// other platforms and fetches them by name and version where they apply (macOS, Windows, arm64).
// Run after any `npm install` that rewrites the lock: node scripts/lockOptionalPlatforms.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const grafeo = lock.packages['node_modules/@grafeo-db/js'];
const platforms = {
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'linux-arm64-gnu': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  'linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
};
let added = 0;
for (const [suffix, target] of Object.entries(platforms)) {
  const key = `node_modules/@grafeo-db/js-${suffix}`;
  if (lock.packages[key]) continue;
  lock.packages[key] = { version: grafeo.version, ...target, optional: true };
  added++;
}
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `added ${added} optional @grafeo-db/js platform entries` : 'lock already lists every platform');
