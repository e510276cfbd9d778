/** Finds a file inside an installed package, whatever its `exports` allow (for serving UMD bundles). */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function packageFile(pkg: string, file: string): string {
  let dir = dirname(require.resolve(pkg));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === pkg)
      return join(dir, file);
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot locate package ${pkg}`);
    dir = up;
  }
}
