// Where a worker thread's compiled entry is. Node 20 cannot start a worker thread from a .ts file, so:
// - in the bundled executable (dist/bin/, scripts/bundle-cli.mjs): the bundle's own `<kind>-worker.js`;
// - in the compiled files (dist/cli/…): `worker.js` beside the file asking;
// - from TypeScript source (tsx, vitest): the build's dist/cli/<kind>/worker.js.
// `npm run build` makes all of them.
import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from './packageRoot.js';

export type WorkerKind = 'batch' | 'compare';

/** `callerUrl`: the asking module's import.meta.url (its folder is the worker's when compiled). */
export function compiledWorkerFile(kind: WorkerKind, callerUrl: string): string {
  const here = fileURLToPath(callerUrl);
  const bundle = `${sep}dist${sep}bin${sep}`;
  const file = here.includes(bundle)
    ? join(here.slice(0, here.indexOf(bundle) + bundle.length), `${kind}-worker.js`)
    : here.endsWith('.js')
      ? join(dirname(here), 'worker.js')
      : join(packageRoot(), 'dist', 'cli', kind, 'worker.js');
  if (!existsSync(file)) throw new Error(`the ${kind} worker ${file} is missing: run \`npm run build\` first`);
  return file;
}
