/**
 * Imported first by src/cli.ts: reads `.env` from the working directory (where `npm start` and the
 * other npm scripts run: the project root), as `.env.example` tells users to copy it. Node's own
 * reader (`process.loadEnvFile`, Node 20.12+): a variable already set in the environment wins over
 * the file, so `PORT=5000 npm start` still works with a `.env` that sets PORT.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const file = resolve('.env');
if (existsSync(file)) {
  try {
    process.loadEnvFile(file);
  } catch (e) {
    console.error(`configuration error: cannot read ${file}: ${(e as Error).message}`);
    process.exit(2);
  }
}
