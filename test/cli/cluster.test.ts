// `pendamping batch --cluster` and `pendamping worker` on a real Redis, as separate processes of the
// built CLI: results byte-identical to a local batch through two workers; one of three workers killed
// with SIGKILL mid-chunk and its chunk run again elsewhere, with no run counted twice; --resume
// re-attaching to a batch whose coordinator died; an unreachable Redis ending at once with exit 2; a
// password never printed. Redis: $PENDAMPING_TEST_REDIS (set by .ci/run), else a redis-server this file
// starts on a free loopback port. Without redis-server the Redis tests are skipped, except under CI.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { splitCsvLine } from '../../cli/batch/rows.js';
import { batchIdOf, chunksOf, decodeOutcomes, defaultChunkSize, encodeOutcomes, jobIdOf, queueName } from '../../cli/cluster/jobs.js';
import { checkRedis, connectionProblem } from '../../cli/cluster/connection.js';
import { settledWithin } from '../../cli/cluster/coordinator.js';
import { chunkTakenOver } from '../../cli/cluster/workerProcess.js';
import { parseRedisUrl, redactRedisUrl, scrub, scrubError } from '../../cli/cluster/redisUrl.js';
import { loadBatchPlan, planManifest } from '../../cli/batch/plan.js';
import { tempDir } from './helpers.js';

const CLI = 'dist/bin/pendamping.js';
const INSTALL_HINT = 'install Redis (Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y redis-server`) or set PENDAMPING_TEST_REDIS=redis://host:port';
/** Short locks so a killed worker's chunk is taken again within seconds (defaults: 30 s and 15 s). */
const FAST_RECOVERY = ['--lock-duration', '3000', '--stalled-interval', '1000'];

const dir = tempDir();
const children = new Set<ChildProcess>();
afterEach(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children.clear();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hasRedisServer = () => spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A redis-server on a free loopback port, no persistence; resolves once it answers. */
async function startRedis(extra: string[] = []): Promise<{ url: string; port: number; stop: () => void }> {
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extra], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const ping = spawnSync('redis-cli', ['-p', String(port), ...(extra.includes('--requirepass') ? ['--no-auth-warning', '-a', extra[extra.indexOf('--requirepass') + 1]] : []), 'ping'], { encoding: 'utf8' });
    if (ping.stdout?.trim() === 'PONG') return { url: `redis://127.0.0.1:${port}`, port, stop: () => server.kill('SIGKILL') };
    await new Promise((r) => setTimeout(r, 50));
  }
  server.kill('SIGKILL');
  throw new Error(`redis-server on port ${port} did not answer PING`);
}

/** Where the Redis tests run: the CI's Redis, our own redis-server, or nowhere (skipped, with the reason). */
function redisAvailability(): { skipReason?: string } {
  if (process.env.PENDAMPING_TEST_REDIS || hasRedisServer()) return {};
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`no Redis for the cluster tests: ${INSTALL_HINT}`);
  const skipReason = `cluster tests skipped: no redis-server found — ${INSTALL_HINT}`;
  console.warn(skipReason);
  return { skipReason };
}

interface Proc {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function cli(args: string[], env: Record<string, string | undefined> = {}): Proc {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, out: () => out, err: () => err, done };
}

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const read = (folder: string, file: string) => readFileSync(join(folder, file), 'utf8');
const manifestWithoutDate = (folder: string) => {
  const { date: _date, ...rest } = JSON.parse(read(folder, 'manifest.json'));
  return rest;
};
const csvRows = (text: string) => text.trimEnd().split('\n').slice(1).map(splitCsvLine);

/** The files a local and a cluster batch must share, byte for byte (manifest: but for its date). */
function expectSameBatch(cluster: string, local: string): void {
  for (const f of ['results.csv', 'summary.csv', 'failures.csv']) {
    expect(existsSync(join(cluster, f)), f).toBe(existsSync(join(local, f)));
    if (existsSync(join(local, f))) expect(read(cluster, f), f).toBe(read(local, f));
  }
  expect(manifestWithoutDate(cluster)).toEqual(manifestWithoutDate(local));
}

/** A small economy: 150 businesses, 24 months, training and mentoring (a run takes ~50–100 ms). */
const base = {
  name: 'small',
  months: 24,
  economy: { businesses: 150 },
  program: { budgetRupiah: 60_000_000, maxParticipants: 30, training: { enabled: true }, mentoring: { enabled: true } },
};
writeFileSync(join(dir, 'small.json'), JSON.stringify(base));
writeFileSync(join(dir, 'targeted.json'), JSON.stringify({ ...base, name: 'targeted', program: { ...base.program, targeting: { rule: 'expression', expression: 'bookkeeping' } } }));

function writeExperiment(file: string, extra: Record<string, unknown> = {}): string {
  const path = join(dir, file);
  writeFileSync(
    path,
    JSON.stringify({
      name: file.replace(/\.json$/, ''),
      base: 'small.json',
      parameters: [{ path: 'program.mentoring.visitsPerMonth', values: [1, 2, 4] }],
      replicates: 12,
      metrics: ['profit.effect', 'jobs.effect', 'localGdpPerRupiah', 'program.participants.turnover'],
      record: { every: 6 },
      seed: 3,
      ...extra,
    }),
  );
  return path;
}

async function localBatch(experiment: string, out: string): Promise<number | null> {
  const p = cli(['batch', experiment, '--workers', '1', '--out', out]);
  return (await p.done).code;
}

/**
 * A TCP proxy to Redis that can freeze: while frozen it holds every byte either way, as a network that
 * drops packets silently does (a VPN gone, a cable out) — no error, no answer.
 */
async function freezableProxy(redisUrl: string): Promise<{ url: string; freeze: () => void; thaw: () => void; close: () => void }> {
  const target = new URL(redisUrl);
  let frozen = false;
  const flushes: (() => void)[] = [];
  const sockets: Socket[] = [];
  const forward = (from: Socket, to: Socket) => {
    const held: Buffer[] = [];
    from.on('data', (d: Buffer) => (frozen ? held.push(d) : to.write(d)));
    flushes.push(() => {
      for (const d of held.splice(0)) to.write(d);
    });
  };
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.push(client, upstream);
    for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
      forward(a, b);
      a.on('error', () => b.destroy());
      a.on('close', () => b.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `redis://127.0.0.1:${port}${target.pathname}`,
    freeze: () => (frozen = true),
    thaw: () => {
      frozen = false;
      for (const f of flushes) f();
    },
    close: () => {
      for (const sock of sockets) sock.destroy();
      server.close();
    },
  };
}

describe('cluster batch on Redis', () => {
  const availability = redisAvailability();
  let redis: { url: string; stop: () => void } | undefined;
  let queue = '';
  let n = 0;

  beforeAll(async () => {
    if (availability.skipReason) return;
    redis = process.env.PENDAMPING_TEST_REDIS ? { url: process.env.PENDAMPING_TEST_REDIS, stop: () => {} } : await startRedis();
  }, 30_000);
  afterAll(() => redis?.stop());
  // Each test its own queue, so nothing left by one test reaches another (or another user of the Redis).
  const nextQueue = () => (queue = `pendamping-test-${process.pid}-${++n}`);
  const worker = (...extra: string[]) => cli(['worker', '--cluster', redis!.url, '--queue', queue, '--threads', '1', ...extra]);
  const listening = (ws: Proc[]) => until('the workers to listen', () => ws.every((w) => /waiting for chunks/.test(w.err())));
  const coordinator = (experiment: string, out: string, ...extra: string[]) => cli(['batch', experiment, '--cluster', redis!.url, '--queue', queue, '--out', out, ...extra]);
  const stopGracefully = async (w: Proc) => {
    w.child.kill('SIGTERM');
    const r = await w.done;
    expect(r.code, w.err()).toBe(0);
    expect(w.err()).toMatch(/stopped after \d+ chunks/);
  };

  /**
   * On a new queue: the local batch of a 12-run experiment, and the same batch through the cluster whose
   * coordinator queued its 4 chunks of 3 runs and died (SIGKILL) before any worker was there.
   */
  const orphanedBatch = async (name: string) => {
    nextQueue();
    const experiment = writeExperiment(`${name}.json`, { replicates: 4 });
    const local = join(dir, `${name}-local`);
    expect(await localBatch(experiment, local)).toBe(0);
    const out = join(dir, `${name}-cluster`);
    const first = coordinator(experiment, out, '--chunk-size', '3');
    await until('the chunks to be queued', () => /12 runs in 4 chunks of up to 3 runs/.test(first.err()));
    first.child.kill('SIGKILL');
    await first.done;
    return { experiment, local, out };
  };

  it.skipIf(availability.skipReason)('through two worker processes gives the local batch byte for byte, run failures included (exit 4)', async () => {
    nextQueue();
    // Point 1's expression divides by zero for some business: its runs fail (recorded, not retried).
    const experiment = writeExperiment('hostile.json', {
      base: 'targeted.json',
      parameters: [{ path: 'program.targeting.expression', values: ['bookkeeping < 0.5 ? 2 : 1', '1 / (workers - workers)', 'female + 1'] }],
      replicates: 8,
    });
    const local = join(dir, 'hostile-local');
    expect(await localBatch(experiment, local)).toBe(4);

    const workers = [worker(), worker()];
    await listening(workers);
    const out = join(dir, 'hostile-cluster');
    const c = coordinator(experiment, out, '--chunk-size', '2');
    const r = await c.done;
    expect(r.code, c.err()).toBe(4);
    expect(c.out()).toContain('batch: 24 runs (24 run now), 16 with results, 8 failed');
    expect(c.err()).toMatch(/8 of 24 runs failed; errors in .*failures\.csv/);
    expect(c.err()).toContain('cluster: 2 workers connected');
    expect(c.err()).toContain('batch: 24/24 runs (100%), 8 failed');
    expectSameBatch(out, local);
    // Both workers took part; failing runs were a result of their chunk, not a reason to retry it.
    for (const w of workers) expect(w.err()).toMatch(/finished chunk /);
    for (const w of workers) expect(w.err()).not.toMatch(/attempt 2|failed \(attempt/);
    await Promise.all(workers.map(stopGracefully));
  });

  it.skipIf(availability.skipReason)('one of three workers killed with SIGKILL mid-chunk: its chunk runs again elsewhere, identical results, no run twice', async () => {
    nextQueue();
    const experiment = writeExperiment('kill.json');
    const local = join(dir, 'kill-local');
    expect(await localBatch(experiment, local)).toBe(0);

    const [victim, ...others] = [worker(...FAST_RECOVERY), worker(...FAST_RECOVERY), worker(...FAST_RECOVERY)];
    await listening([victim, ...others]);
    const out = join(dir, 'kill-cluster');
    const c = coordinator(experiment, out, '--chunk-size', '4');
    // Kill the victim the moment it starts a chunk (4 runs: a few hundred ms of work ahead of it).
    await until('the victim to take a chunk', () => /took chunk /.test(victim.err()), 30_000);
    victim.child.kill('SIGKILL');
    const held = /took chunk (\S+) /.exec(victim.err())![1];
    expect((await victim.done).signal).toBe('SIGKILL');

    const r = await c.done;
    expect(r.code, c.err()).toBe(0);
    expect(c.out()).toContain('batch: 36 runs (36 run now), 36 with results, 0 failed');
    expectSameBatch(out, local);
    // The chunk the victim held was taken again, from the queue, by a surviving worker.
    const survivors = others.map((w) => w.err()).join('');
    expect(survivors).toContain(`took chunk ${held} `);
    expect(survivors).toMatch(new RegExp(`finished chunk ${held}: 4 runs`));
    expect(victim.err()).not.toContain('finished chunk');
    // No run twice: each run_id's rows are one block, in order.
    const ids = csvRows(read(out, 'results.csv')).map((f) => Number(f[0]));
    expect(ids.filter((id, i) => i === 0 || ids[i - 1] !== id)).toEqual(Array.from({ length: 36 }, (_, i) => i));
    await Promise.all(others.map(stopGracefully));
  });

  it.skipIf(availability.skipReason)('a worker frozen mid-chunk past its lock (SIGSTOP): the chunk runs elsewhere; woken, its late result is dropped, not counted', async () => {
    nextQueue();
    const experiment = writeExperiment('freeze.json');
    const local = join(dir, 'freeze-local');
    expect(await localBatch(experiment, local)).toBe(0);

    const [sleeper, other] = [worker(...FAST_RECOVERY), worker(...FAST_RECOVERY)];
    await listening([sleeper, other]);
    const out = join(dir, 'freeze-cluster');
    const c = coordinator(experiment, out, '--chunk-size', '4');
    // Freeze the sleeper the moment it starts a chunk (a laptop lid closed, a machine cut off the network).
    await until('the sleeper to take a chunk', () => /took chunk /.test(sleeper.err()), 30_000);
    sleeper.child.kill('SIGSTOP');
    const held = /took chunk (\S+) /.exec(sleeper.err())![1];
    // Its lock expires; the other worker takes the chunk over.
    await until('the chunk to be taken over', () => other.err().includes(`took chunk ${held} `), 30_000);
    sleeper.child.kill('SIGCONT');

    const r = await c.done;
    expect(r.code, c.err()).toBe(0);
    expect(c.out()).toContain('batch: 36 runs (36 run now), 36 with results, 0 failed');
    expectSameBatch(out, local);
    const ids = csvRows(read(out, 'results.csv')).map((f) => Number(f[0]));
    expect(ids.filter((id, i) => i === 0 || ids[i - 1] !== id)).toEqual(Array.from({ length: 36 }, (_, i) => i));
    // Woken, the sleeper finishes the chunk and is told it is no longer its own: said so, not as a Redis outage.
    await until('the sleeper to learn its chunk was taken over', () => sleeper.err().includes(`chunk ${held} was taken over by another worker`), 30_000);
    await until('the sleeper to say it lost the lock', () => sleeper.err().includes(`lost the lock on chunk ${held}`), 10_000);
    expect(sleeper.err()).not.toContain('Redis problem');
    await Promise.all([sleeper, other].map(stopGracefully));
    // Its summary leaves the dropped chunk out.
    const finished = (sleeper.err().match(/finished chunk /g) ?? []).length;
    expect(sleeper.err()).toMatch(new RegExp(`stopped after ${finished - 1} chunks`));
  });

  it.skipIf(availability.skipReason)('a coordinator whose Redis stops answering (packets dropped, no error) says so within 10 s, and carries on when it answers again', async () => {
    nextQueue();
    const experiment = writeExperiment('silent.json', { replicates: 4 });
    const local = join(dir, 'silent-local');
    expect(await localBatch(experiment, local)).toBe(0);
    const proxy = await freezableProxy(redis!.url);
    try {
      const w = worker();
      await listening([w]);
      const out = join(dir, 'silent-cluster');
      // Only the coordinator goes through the proxy; the worker keeps running the chunks meanwhile.
      const c = cli(['batch', experiment, '--cluster', proxy.url, '--queue', queue, '--out', out, '--chunk-size', '4']);
      await until('the chunks to be queued', () => /runs in \d+ chunks/.test(c.err()));
      proxy.freeze();
      await until('the coordinator to notice', () => /lost Redis at redis:\/\/127\.0\.0\.1:\d+ \(no answer within 10 s\); retrying/.test(c.err()), 25_000);
      proxy.thaw();
      const r = await c.done;
      expect(r.code, c.err()).toBe(0);
      expect(c.err()).toContain('cluster: Redis is back');
      expect(c.out()).toContain('batch: 12 runs (12 run now), 12 with results, 0 failed');
      expectSameBatch(out, local);
      await stopGracefully(w);
    } finally {
      proxy.close();
    }
  });

  it.skipIf(availability.skipReason)('--resume re-attaches to a batch whose coordinator died: it collects what the workers finished meanwhile', async () => {
    const { experiment, local, out } = await orphanedBatch('resume');
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    expect(existsSync(join(out, 'results.csv'))).toBe(false);

    // A worker runs every chunk meanwhile; the results wait in Redis.
    const w = worker();
    await until('four finished chunks', () => (w.err().match(/finished chunk/g) ?? []).length === 4);
    await stopGracefully(w);

    // Without --resume the folder is refused; with it, the batch is collected with no worker running.
    const refused = coordinator(experiment, out);
    expect((await refused.done).code).toBe(1);
    expect(refused.err()).toContain('already holds a batch (manifest.json); add --resume');
    const resumed = coordinator(experiment, out, '--chunk-size', '3', '--resume');
    const r = await resumed.done;
    expect(r.code, resumed.err()).toBe(0);
    expect(resumed.err()).not.toMatch(/runs in \d+ chunks/); // nothing queued again
    expect(resumed.out()).toContain('batch: 12 runs (12 run now), 12 with results, 0 failed');
    expectSameBatch(out, local);
  });

  it.skipIf(availability.skipReason)('--resume with another --chunk-size keeps the size of the chunks still queued, so no run is run twice', async () => {
    const { experiment, local, out } = await orphanedBatch('resize');

    const resumed = coordinator(experiment, out, '--chunk-size', '5', '--resume');
    await until('the resumed coordinator to look at the queue', () => /keeping the chunk size/.test(resumed.err()));
    expect(resumed.err()).toContain('keeping the chunk size of the batch in progress, 3 runs (not 5)');
    const w = worker();
    const r = await resumed.done;
    expect(r.code, resumed.err()).toBe(0);
    expect(resumed.out()).toContain('batch: 12 runs (12 run now), 12 with results, 0 failed');
    expectSameBatch(out, local);
    // The worker ran the four chunks of 3 and nothing else: 12 runs, each once.
    const done = [...w.err().matchAll(/finished chunk \S+: (\d+) runs/g)].map((m) => Number(m[1]));
    expect(done).toEqual([3, 3, 3, 3]);
    await stopGracefully(w);
  });

  it.skipIf(availability.skipReason)('a password-protected Redis: the batch runs, and no output ever shows the password', async () => {
    if (!hasRedisServer()) return void console.warn('password test skipped: it starts its own redis-server, and there is none here');
    nextQueue();
    const password = 'Pw-only-4-the-test';
    const secured = await startRedis(['--requirepass', password]);
    try {
      const url = secured.url.replace('redis://', `redis://:${password}@`);
      const experiment = writeExperiment('secret.json', { replicates: 2 });
      const local = join(dir, 'secret-local');
      expect(await localBatch(experiment, local)).toBe(0);
      const debug = { PENDAMPING_DEBUG: '1' };
      const w = cli(['worker', '--cluster', url, '--queue', queue, '--threads', '1'], debug);
      const out = join(dir, 'secret-cluster');
      const c = cli(['batch', experiment, '--cluster', url, '--queue', queue, '--out', out], debug);
      const r = await c.done;
      expect(r.code, c.err()).toBe(0);
      expectSameBatch(out, local);
      expect(c.err()).toContain(`at redis://:***@127.0.0.1:${secured.port}`);

      // A wrong password, no password, and the password from the environment instead of the URL.
      const wrong = cli(['batch', experiment, '--cluster', secured.url.replace('redis://', `redis://:${password}x@`), '--out', join(dir, 'secret-wrong')], debug);
      expect((await wrong.done).code).toBe(2);
      expect(wrong.err()).toContain(`cannot reach Redis at redis://:***@127.0.0.1:${secured.port} (authentication failed: wrong user name or password)`);
      const none = cli(['worker', '--cluster', secured.url], debug);
      expect((await none.done).code).toBe(2);
      expect(none.err()).toMatch(/authentication required/);
      const fromEnv = cli(['batch', experiment, '--cluster', secured.url, '--queue', queue, '--out', join(dir, 'secret-env')], { ...debug, PENDAMPING_REDIS_PASSWORD: password });
      expect((await fromEnv.done).code, fromEnv.err()).toBe(0);

      w.child.kill('SIGTERM');
      expect((await w.done).code).toBe(0);
      for (const p of [w, c, wrong, none, fromEnv]) {
        expect(p.out() + p.err()).not.toContain(password);
        expect(p.out() + p.err()).not.toContain('only-4-the');
      }
      for (const f of ['manifest.json', 'results.csv', 'summary.csv']) expect(read(out, f)).not.toContain(password);
    } finally {
      secured.stop();
    }
  });

  it.skipIf(availability.skipReason)('a failed connection check leaves no timer or socket behind, so the process ends with its message', async () => {
    // ioredis waits 2 s (disconnectTimeout) for a socket it ended to close; the check lowers that to 100 ms.
    // Before, every `worker` or `batch` refused by Redis lived on 2 s after its message (slow under load).
    if (!hasRedisServer()) return void console.warn('skipped: it starts its own redis-server, and there is none here');
    const secured = await startRedis(['--requirepass', 'right-one']);
    try {
      // In a process of its own (this one holds other tests' timers): what is still pending 300 ms after
      // the check has failed. Before the fix, ioredis's 2 s timer was.
      const url = secured.url.replace('redis://', 'redis://:wrong-one@');
      const script = `
        const { checkRedis } = await import(${JSON.stringify(pathToFileURL(join(process.cwd(), 'dist/cli/cluster/connection.js')).href)});
        const { parseRedisUrl } = await import(${JSON.stringify(pathToFileURL(join(process.cwd(), 'dist/cli/cluster/redisUrl.js')).href)});
        let message = '';
        try { await checkRedis(parseRedisUrl(${JSON.stringify(url)}, {})); } catch (e) { message = e.message; }
        await new Promise((resolve) => setTimeout(resolve, 300));
        console.log(JSON.stringify({ message, pending: process.getActiveResourcesInfo().filter((r) => r !== 'PipeWrap' && r !== 'TTYWrap') }));`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const { message, pending } = JSON.parse(r.stdout) as { message: string; pending: string[] };
      expect(message).toMatch(/authentication failed/);
      expect(pending).toEqual([]);
    } finally {
      secured.stop();
    }
  });

  it.skipIf(availability.skipReason)('a database the server does not have is exit 2 naming it, for batch and worker, before anything runs', async () => {
    nextQueue();
    const experiment = writeExperiment('no-db.json', { replicates: 2 });
    const out = join(dir, 'no-db');
    const url = `${redis!.url.replace(/\/\d*$/, '')}/99`;
    const c = cli(['batch', experiment, '--cluster', url, '--queue', queue, '--out', out]);
    const w = cli(['worker', '--cluster', url, '--queue', queue]);
    expect((await c.done).code).toBe(2);
    expect((await w.done).code).toBe(2);
    for (const p of [c, w]) expect(p.err()).toMatch(/database 99 does not exist on the server(: the server has \d+ \(0 to \d+\))? \(/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('cluster batch without Redis', () => {
  it('an unreachable Redis ends at once with exit 2, a clear message, the password hidden and nothing written', async () => {
    const port = await freePort(); // nothing listens there
    const experiment = writeExperiment('unreachable.json');
    const out = join(dir, 'unreachable');
    const started = Date.now();
    const c = cli(['batch', experiment, '--cluster', `redis://:Sekret-pw-123@127.0.0.1:${port}/2`, '--out', out]);
    const w = cli(['worker', '--cluster', `redis://:Sekret-pw-123@127.0.0.1:${port}`], { PENDAMPING_DEBUG: '1' });
    expect((await c.done).code).toBe(2);
    expect((await w.done).code).toBe(2);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(c.err()).toBe(`cannot reach Redis at redis://:***@127.0.0.1:${port}/2 (connection refused)\n`);
    expect(w.err()).toContain(`cannot reach Redis at redis://:***@127.0.0.1:${port} (connection refused)`);
    for (const p of [c, w]) expect(p.out() + p.err()).not.toContain('Sekret');
    expect(existsSync(out)).toBe(false);

    // A bad URL and flags that do not go together are named before anything happens.
    const bad = cli(['batch', experiment, '--cluster', 'http://:Sekret-pw-123@host', '--out', out]);
    expect((await bad.done).code).toBe(2);
    expect(bad.err()).toMatch(/^--cluster http:\/\/:\*\*\*@host\/?: the scheme is http; expected redis:\/\/\[:password@\]host\[:port\]\[\/db\] or rediss:\/\/… for TLS \(characters such as @ .* must be URL-encoded/);
    // Malformed shapes that once echoed the password (issue 13): exit 2, the password nowhere.
    const secret = 'Very-Secret-Pw-2024';
    for (const shape of [`redis:/:${secret}@127.0.0.1:6393`, `redis:${secret}@127.0.0.1`]) {
      const b = cli(['batch', experiment, '--cluster', shape, '--out', out]);
      const w2 = cli(['worker', '--cluster', shape]);
      for (const p of [b, w2]) {
        expect((await p.done).code).toBe(2);
        expect(p.err()).toMatch(/^--cluster redis:\*\*\*@127\.0\.0\.1(:6393)?: no host/);
        expect(p.out() + p.err()).not.toContain(secret);
      }
    }
    const both = cli(['batch', experiment, '--cluster', 'redis://127.0.0.1:1', '--workers', '2']);
    expect((await both.done).code).not.toBe(0);
    expect(both.err()).toMatch(/--cluster.*cannot be used with option '--workers/);
  });
});

describe('cluster internals', () => {
  it('redacts the password of a Redis URL, whatever its shape', () => {
    expect(redactRedisUrl('redis://:hunter22@10.0.0.5:6380/3')).toBe('redis://:***@10.0.0.5:6380/3');
    expect(redactRedisUrl('rediss://default:p%40ss%3Aw0rd@cache.example.com:6380')).toBe('rediss://default:***@cache.example.com:6380');
    expect(redactRedisUrl('redis://10.0.0.5')).toBe('redis://10.0.0.5');
    expect(redactRedisUrl('redis://user@host:1')).toBe('redis://user@host:1');
    // Not URLs: everything before the last @ may be a password.
    expect(redactRedisUrl('redis//:hunter22@host')).toBe('***@host');
    expect(redactRedisUrl('::hunter22@@host:1')).toBe('***@host:1');
    // URLs without an authority: everything between the scheme and the last @ is hidden.
    expect(redactRedisUrl('redis:/:hunter22@10.0.0.5:6393')).toBe('redis:***@10.0.0.5:6393');
    expect(redactRedisUrl('redis:hunter22@h')).toBe('redis:***@h');
    expect(redactRedisUrl('redis::hunter22@h')).toBe('redis:***@h');
    expect(redactRedisUrl('redis:///:hunter22@h')).toBe('redis:***@h');
  });

  it('never shows the password in what a malformed --cluster URL is told, whatever its shape', () => {
    const secret = 'Sh0rt-or-l0ng';
    const shapes = [
      `redis:/:${secret}@127.0.0.1:6393`, `redis:${secret}@127.0.0.1`, `redis::${secret}@h`, `redis:///:${secret}@h`, `redis//:${secret}@h`,
      `http://:${secret}@h`, `redis://:${secret}@h/x`, `redis://:${secret}@h?db=1`, `redis://:${secret}@`, `::${secret}@@h:1`, `redis://:${secret}@h/100`,
    ];
    for (const url of shapes) {
      let message = '';
      try {
        parseRedisUrl(url);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message, url).not.toBe('');
      expect(message, url).not.toContain(secret);
      expect(message, url).toContain('must be URL-encoded');
    }
  });

  it('parses host, port, database, user, password (URL-encoded or from the environment) and TLS', () => {
    const t = parseRedisUrl('rediss://default:p%40ss%3Aw0rd@cache.example.com:6380/2');
    expect(t.fields).toEqual({ host: 'cache.example.com', port: 6380, db: 2, username: 'default', password: 'p@ss:w0rd', tls: { servername: 'cache.example.com' } });
    expect(t.shown).toBe('rediss://default:***@cache.example.com:6380/2');
    expect(t.secrets).toEqual(expect.arrayContaining(['p@ss:w0rd', 'p%40ss%3Aw0rd']));
    expect(parseRedisUrl('redis://[::1]').fields).toEqual({ host: '::1', port: 6379, db: 0 });
    expect(parseRedisUrl('redis://h', { PENDAMPING_REDIS_PASSWORD: 'from-env' }).fields.password).toBe('from-env');
    expect(() => parseRedisUrl('redis://:hunter22@h/x')).toThrow('--cluster redis://:***@h/x: the database "x" is not a number 0..99');
    expect(() => parseRedisUrl('redis://:hunter22@h?tls=1')).toThrow(/query and fragment/);
    expect(() => parseRedisUrl('redis:///0')).toThrow(/no host/);
  });

  it('scrubs the password from any text and from an error, stack included', () => {
    expect(scrub('auth hunter22 failed (hunter22)', ['hunter22'])).toBe('auth *** failed (***)');
    // A password of any length is hidden; a short one where it stands on its own, not inside other words.
    expect(scrub('password ab rejected: tab, abc, (ab)', ['ab'])).toBe('password *** rejected: tab, abc, (***)');
    expect(scrub('x is wrong', ['x'])).toBe('*** is wrong');
    const err = scrubError(new Error('bad hunter22'), ['hunter22']) as Error;
    expect(err.message).toBe('bad ***');
    expect(err.stack).not.toContain('hunter22');
  });

  it('tells a chunk taken over by another worker (a lost lock) from a Redis problem', () => {
    expect(chunkTakenOver(new Error('Missing key for job e483912ab25466b4-4-36. moveToFinished'))).toEqual({ chunk: 'e483912ab25466b4-4-36', when: 'finish' });
    expect(chunkTakenOver(new Error('Missing lock for job abc-1-2. moveToFinished'))).toEqual({ chunk: 'abc-1-2', when: 'finish' });
    expect(chunkTakenOver(new Error('could not renew lock for job 936ff0efbeea0207-4-1'))).toEqual({ chunk: '936ff0efbeea0207-4-1', when: 'renew' });
    expect(chunkTakenOver(new Error('connect ECONNREFUSED 127.0.0.1:6379'))).toBeNull();
    expect(chunkTakenOver(undefined)).toBeNull();
  });

  it('waits for a close at most its moment, and leaves no timer once the close has settled', async () => {
    vi.useFakeTimers();
    try {
      expect(await settledWithin(Promise.resolve(true), 60_000)).toBe(true);
      expect(vi.getTimerCount()).toBe(0);
      expect(await settledWithin(Promise.resolve(false), 60_000)).toBe(false);
      expect(vi.getTimerCount()).toBe(0);
      const late = settledWithin(new Promise<boolean>(() => {}), 3000);
      expect(vi.getTimerCount()).toBe(1);
      await vi.advanceTimersByTimeAsync(3000);
      expect(await late).toBe(false);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('names the reason a connection failed', () => {
    expect(connectionProblem(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBe('connection refused');
    expect(connectionProblem(Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' }))).toBe('host not found');
    expect(connectionProblem(new Error('WRONGPASS invalid username-password pair or user is disabled.'))).toMatch(/^authentication failed/);
    expect(connectionProblem(new Error('NOAUTH Authentication required.'))).toMatch(/^authentication required/);
    expect(connectionProblem(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }), 5000)).toBe('no answer within 5 s');
    // Whatever the error's shape: a code that is not a string, no message, not an Error at all.
    expect(connectionProblem(Object.assign(new Error('write EPIPE'), { code: 32 }))).toBe('write EPIPE');
    expect(connectionProblem({ code: 7 })).toBe('unknown error (code 7)');
    expect(connectionProblem('socket closed')).toBe('socket closed');
    expect(connectionProblem(null)).toBe('null');
  });

  it('cuts a batch into the same chunks and job ids every time, and carries outcomes through a job intact', async () => {
    const experiment = writeExperiment('chunks.json', { replicates: 5 });
    const plan = await loadBatchPlan(experiment);
    const id = batchIdOf(planManifest(plan, '2020-01-01T00:00:00.000Z'), join(dir, 'x'));
    expect(batchIdOf(planManifest(plan, '2030-06-06T00:00:00.000Z'), join(dir, 'x'))).toBe(id); // not the date
    expect(batchIdOf(planManifest(plan, '2020-01-01T00:00:00.000Z'), join(dir, 'y'))).not.toBe(id); // the folder
    const chunks = chunksOf(plan, id, 4);
    expect(chunks.map((c) => c.runs.length)).toEqual([4, 4, 4, 3]);
    expect(chunks.flatMap((c) => c.runs.map((r) => r.runId))).toEqual(plan.runs.map((r) => r.runId));
    expect(chunks[2].jobId).toBe(jobIdOf(id, 4, 2));
    expect(chunks[2].jobId).not.toContain(':'); // BullMQ refuses colons in ids and queue names
    expect(queueName('pendamping')).toMatch(/^pendamping-v\d+\.\d+\.\d+/);
    expect(defaultChunkSize(30)).toBe(1);
    expect(defaultChunkSize(1000)).toBe(10);
    expect(defaultChunkSize(1_000_000)).toBe(32);
    const outcomes = [
      { runId: 0, text: '0,0,0,3,24,summary,profit.effect,1.2345678901234567,1,small\n' },
      { runId: 1, error: { runId: 1, designPoint: 0, replicate: 1, seed: 4, message: 'the model refuses "Infinity"' } },
    ];
    const encoded = encodeOutcomes(outcomes);
    expect(encoded).toMatchObject({ runs: 2, failed: 1 });
    expect(decodeOutcomes(JSON.parse(JSON.stringify(encoded)))).toEqual(outcomes);
  });
});
