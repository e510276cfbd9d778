// The piscina task module of ./offThreadDocuments.ts when the TypeScript sources run (tsx, vitest):
// registers tsx's ESM loader in this worker thread (Node 20 applies neither the parent's loader nor
// a worker's `--import` to the modules a worker imports), then loads the worker itself. From dist/,
// the compiled ./documentWorker.js is loaded directly and this file is not used.
import { register } from 'tsx/esm/api';

register();
export default (await import('./documentWorker.ts')).default;
