// The CLI loads what a command needs and nothing else (issue 14): `--help` only commander, `--version`
// alone not even that, `region` no simulation, `run` and `compare` no mathjs unless a scenario has an
// expression, and only `batch --cluster` and `worker` the Redis client. Checked on the source's static
// imports (a dynamic `import()` is followed only where asked), so a stray eager import anywhere fails here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS, COMMAND_NAMES, commandOf } from '../../cli/commandCatalog.js';
import { memoryIo } from '../../cli/io.js';
import { main } from '../../cli/program.js';

/** Packages and local files that loading `entry` pulls in through static imports. */
function staticGraph(entry: string): { packages: Set<string>; files: Set<string> } {
  const packages = new Set<string>();
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const src = readFileSync(file, 'utf8');
    // `import … from '…'` and `export … from '…'`, but not `import type` / `export type` (erased).
    for (const m of src.matchAll(/^(import|export)(\s+type\b)?[^'\n;]*?from '([^']+)'|^import '([^']+)'/gm)) {
      if (m[2]) continue;
      const spec = m[3] ?? m[4];
      if (spec.startsWith('.')) {
        if (!spec.endsWith('.json')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      } else packages.add(spec.startsWith('node:') ? 'node:' : spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'));
    }
  };
  visit(resolve(entry));
  return { packages, files };
}

const sorted = (s: Set<string>) => [...s].sort();

describe('what each command loads', () => {
  it('--help and --version: the entry, the program and the catalog load commander and node: only', () => {
    const g = staticGraph('cli/main.ts');
    for (const f of ['cli/program.ts', 'cli/commandCatalog.ts']) {
      for (const [p, v] of Object.entries(staticGraph(f))) if (p === 'packages') for (const x of v as Set<string>) g.packages.add(x);
    }
    expect(sorted(g.packages)).toEqual(['commander', 'node:']);
  });

  it('region: no simulation engine, no mathjs', () => {
    const g = staticGraph('cli/commands/region.ts');
    expect(sorted(g.packages)).toEqual(['commander', 'node:', 'parse-json', 'zod']);
    expect([...g.files].filter((f) => /sim[/\\](run|phases|program)[/\\]/.test(f) && !/Error\.ts$/.test(f))).toEqual([]);
  });

  it.each(['run', 'compare', 'validate', 'sensitivity'])('%s: no mathjs, no Redis client (and, but for sensitivity, no thread pool)', (name) => {
    const g = staticGraph(`cli/commands/${name}.ts`);
    const heavy = ['mathjs', 'bullmq', 'ioredis', ...(name === 'sensitivity' ? [] : ['piscina'])]; // sensitivity runs its batch on threads
    for (const p of heavy) expect(g.packages, `${name} loads ${p}`).not.toContain(p);
    expect([...g.files].some((f) => f.endsWith('sim/index.ts'))).toBe(false);
  });

  it('batch: the Redis client only with --cluster; the batch thread loads mathjs only for an expression', () => {
    for (const f of ['cli/commands/batch.ts', 'cli/batch/worker.ts']) {
      const g = staticGraph(f);
      for (const heavy of ['mathjs', 'bullmq', 'ioredis']) expect(g.packages, `${f} loads ${heavy}`).not.toContain(heavy);
    }
  });

  it('every command in the catalog registers itself under its name with the catalog\'s description', async () => {
    for (const name of COMMAND_NAMES) {
      const io = memoryIo();
      expect(await main([name, '--help'], io), name).toBe(0);
      expect(io.out.replace(/\s+/g, ' ')).toContain(COMMANDS[name].description.replace(/\s+/g, ' '));
      expect(io.out).toMatch(new RegExp(`^Usage: pendamping ${name} `));
    }
    expect(commandOf(['help', 'run'])).toBe('run');
    expect(commandOf(['--help'])).toBeUndefined();
  });

  it('top-level help lists every command; a mistyped one is named with a suggestion (exit 1)', async () => {
    const io = memoryIo();
    expect(await main(['--help'], io)).toBe(0);
    for (const name of COMMAND_NAMES) expect(io.out).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    const typo = memoryIo();
    expect(await main(['rnu', 'x.json'], typo)).toBe(1);
    expect(typo.err).toMatch(/unknown command 'rnu'.*Did you mean run\?/);
  });

  // A module-loading hook (test/cli/fixtures/loaded-modules*.mjs) writes every URL the process loads.
  const loadedBy = (entry: string, args: string[]): string[] => {
    const hook = resolve('test/cli/fixtures/loaded-modules.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'pendamping-startup-'));
    try {
      const log = join(dir, 'loaded.log');
      const r = spawnSync(process.execPath, ['--import', hook, entry, ...args], { encoding: 'utf8', env: { ...process.env, PENDAMPING_LOADED_LOG: log } });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(log, 'utf8').split('\n').filter(Boolean);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const cases = [['--version'], ['--help'], ['run', '--help']].map((args) => [args.join(' '), args] as const);

  it('the executable prints the version without commander exactly as commander does, for --version and -V', async () => {
    const io = memoryIo();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out).toMatch(/^\d+\.\d+\.\d+\n$/);
    for (const entry of ['dist/bin/pendamping.js', 'dist/cli/main.js']) {
      for (const flag of ['--version', '-V']) {
        const r = spawnSync(process.execPath, [entry, flag], { encoding: 'utf8' });
        expect([r.status, r.stdout, r.stderr], `${entry} ${flag}`).toEqual([0, io.out, '']);
      }
    }
  });

  it.runIf(process.platform !== 'win32')('the executable started as a shell starts it runs Node with the flags of its #! line (two V8 background threads)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pendamping-flags-'));
    try {
      // A preload (NODE_OPTIONS reaches the node that env -S starts) writes the process's Node flags.
      const hook = join(dir, 'flags.mjs');
      const log = join(dir, 'flags.json');
      writeFileSync(hook, `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(log)}, JSON.stringify(process.execArgv));\n`);
      for (const entry of ['dist/bin/pendamping.js', 'dist/cli/main.js']) {
        const r = spawnSync(resolve(entry), ['--version'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: `--import ${hook}` } });
        expect([r.status, r.stderr], entry).toEqual([0, '']);
        expect(r.stdout, entry).toMatch(/^\d+\.\d+\.\d+\n$/);
        expect(JSON.parse(readFileSync(log, 'utf8')), entry).toEqual(['--v8-pool-size=2']);
        rmSync(log);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(cases)('the compiled files: `%s` loads commander (not for the version alone) but not mathjs, and no zod or simulation but for run', (_, args) => {
    const loaded = loadedBy('dist/cli/main.js', args);
    expect(loaded.some((u) => /node_modules\/commander\//.test(u)), args.join(' ')).toBe(args[0] !== '--version');
    expect(loaded.filter((u) => /node_modules\/(mathjs|bullmq|ioredis|piscina)\//.test(u)), args.join(' ')).toEqual([]);
    if (args[0] !== 'run') {
      // The error classes the CLI reports (dependency-free) are all it may load of the simulation.
      const simulation = loaded.filter((u) => /dist\/sim\//.test(u) && !/(Error|integrity)\.js$/.test(u));
      expect(loaded.filter((u) => /node_modules\/(zod|seedrandom)\//.test(u)).concat(simulation), args[0]).toEqual([]);
    }
  });

  it.each(cases)('the bundled executable (dist/bin): `%s` loads the same sources, read through the bundle\'s map', (_, args) => {
    // dist/bin/meta.json (scripts/bundle-cli.mjs) lists the sources inside each output file.
    const meta = JSON.parse(readFileSync('dist/bin/meta.json', 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const root = resolve('.');
    const loaded = loadedBy('dist/bin/pendamping.js', args);
    const files = loaded.filter((u) => u.startsWith('file://')).map((u) => fileURLToPath(u));
    expect(files.filter((f) => !f.startsWith(join(root, 'dist', 'bin'))), 'files from outside the bundle').toEqual([]);
    const sources = files.flatMap((f) => Object.keys(meta.outputs[relative(root, f)]?.inputs ?? { [`(not in the map) ${f}`]: 0 }));
    expect(sources.some((f) => f.startsWith('node_modules/commander/')), args.join(' ')).toBe(args[0] !== '--version');
    expect(sources.filter((f) => /^node_modules\/(mathjs|bullmq|ioredis|piscina)\//.test(f)), args.join(' ')).toEqual([]);
    if (args[0] !== 'run') {
      const simulation = sources.filter((f) => f.startsWith('sim/') && !/(Error|integrity)\.ts$/.test(f));
      expect(sources.filter((f) => /^node_modules\/(zod|seedrandom)\//.test(f)).concat(simulation), args[0]).toEqual([]);
    }
  });
});
