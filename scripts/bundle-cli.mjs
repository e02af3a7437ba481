// Bundle the `pendamping` executable and its two worker-thread entries into dist/bin/ (issue 14: a CLI
// that answers at once). Unbundled, a default `run` loads 175 ES modules one file at a time (95 of them
// zod's, 64 of those locales), which cost Node's loader ~100 ms of resolving, reading and linking; the
// bundle loads 24 files and keeps only the zod code the schemas use. Each command is still its own
// chunk (`import()` in cli/commandCatalog.ts stays a split point), so `--help` loads no simulation.
// The heavy packages stay outside: mathjs (only for a scenario with an expression), piscina (threads),
// bullmq and ioredis (only `--cluster` and `worker`). dist/bin/meta.json maps each output file to the
// sources in it (test/cli/startup.test.ts reads it to check what each command loads).
import { build } from 'esbuild';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = fileURLToPath(new URL('../dist/bin', import.meta.url));
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { pendamping: 'cli/main.ts', 'batch-worker': 'cli/batch/worker.ts', 'compare-worker': 'cli/compare/worker.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  external: ['mathjs', 'piscina', 'bullmq', 'ioredis'],
  // Bundled CommonJS packages (commander, seedrandom, cli-progress) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __pendampingRequire } from 'node:module'; const require = __pendampingRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(`${outdir}/meta.json`, JSON.stringify(result.metafile));
chmodSync(`${outdir}/pendamping.js`, 0o755);
