// Connecting to the cluster's Redis. Before a coordinator or a worker does anything, `checkRedis` opens
// one connection with a short timeout and no retries and sends PING, so an unreachable Redis, a wrong
// password or a TLS mismatch ends at once in one clear line (exit 2) instead of a silent reconnect loop.
// After that, BullMQ's own connections reconnect by themselves.
import type { RedisOptions as BullRedisOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { EXIT_BAD_INPUT, ExitError } from '../errors.js';
import type { RedisTarget } from './redisUrl.js';

/** Redis cannot be used: unreachable or refusing the password at the start (exit 2), lost mid-batch (exit 1). Redacted. */
export class ClusterConnectionError extends ExitError {
  constructor(message: string, exitCode = EXIT_BAD_INPUT) {
    super(message, exitCode);
    this.name = 'ClusterConnectionError';
  }
}

export const CONNECT_TIMEOUT_MS = 5000;

/** Why a connection failed, in a few words (never the URL: ioredis messages hold host and port only). */
export function connectionProblem(err: unknown, timeoutMs = CONNECT_TIMEOUT_MS): string {
  const e = err as { code?: unknown; message?: unknown } | null | undefined;
  // Not every error's code is a string (seen while a worker's network link was down: a number).
  const code = typeof e?.code === 'string' ? e.code : '';
  const message =
    typeof e?.message === 'string' && e.message
      ? e.message
      : typeof err === 'object' && err !== null
        ? `unknown error${e?.code !== undefined ? ` (code ${String(e.code)})` : ''}` // never the object itself: it may hold the options
        : String(err);
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ETIMEDOUT' || /timed? ?out/i.test(message)) return `no answer within ${timeoutMs / 1000} s`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'host unreachable';
  if (code === 'ECONNRESET') return 'connection reset by the server (TLS spoken to a plain port, or the reverse?)';
  if (/WRONGPASS|invalid password|invalid username-password/i.test(message)) return 'authentication failed: wrong user name or password';
  if (/NOAUTH/i.test(message)) return 'authentication required: give the password in the URL (redis://:PASSWORD@host) or in PENDAMPING_REDIS_PASSWORD';
  if (/Unknown RESP type|Protocol error/i.test(message)) return 'the server there does not speak the Redis protocol';
  if (code.startsWith('ERR_TLS') || /certificate|SSL|TLS/i.test(message)) return `TLS failed: ${message}`;
  return message;
}

/** ioredis options for the target. */
export function redisOptions(target: RedisTarget, extra: RedisOptions = {}): RedisOptions {
  return { ...target.fields, connectTimeout: CONNECT_TIMEOUT_MS, ...extra };
}

/** BullMQ's connection options for the target (it hands them to ioredis). */
export function bullConnection(target: RedisTarget, extra: BullRedisOptions = {}): BullRedisOptions {
  return { ...target.fields, connectTimeout: CONNECT_TIMEOUT_MS, ...extra };
}

/** Connect once, PING, disconnect; throw ClusterConnectionError saying why when that fails. */
export async function checkRedis(target: RedisTarget, timeoutMs = CONNECT_TIMEOUT_MS): Promise<void> {
  let lastError: unknown;
  const client = new Redis(
    // disconnectTimeout: ioredis ends the socket and waits up to 2 s (its default) for it to close before
    // destroying it, which kept every failed check's process alive 2 s after its message.
    redisOptions(target, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null, disconnectTimeout: 100 }),
  );
  client.on('error', (err) => {
    lastError = err;
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), timeoutMs + 1000);
  });
  try {
    await Promise.race([
      (async () => {
        await client.connect();
        await client.ping();
        await checkDatabase(client, target);
      })(),
      deadline,
    ]);
  } catch (err) {
    if (err instanceof ClusterConnectionError) throw err;
    // ioredis rejects connect() with "Connection is closed."; the cause came as an 'error' event.
    const cause = lastError ?? err;
    throw new ClusterConnectionError(`cannot reach Redis at ${target.shown} (${connectionProblem(cause, timeoutMs)})`);
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/**
 * The URL's database must exist on the server: SELECT it explicitly (a server refuses an index beyond its
 * `databases` setting), so a batch never runs quietly in database 0 instead. The count, when the server
 * tells it (CONFIG GET may be disabled), goes into the message.
 */
async function checkDatabase(client: Redis, target: RedisTarget): Promise<void> {
  const db = target.fields.db;
  if (db === 0) return;
  try {
    await client.select(db);
  } catch (err) {
    let count = '';
    try {
      const reply = (await client.config('GET', 'databases')) as unknown as string[];
      if (Array.isArray(reply) && reply[1]) count = `: the server has ${reply[1]} (0 to ${Number(reply[1]) - 1})`;
    } catch {
      // CONFIG may be renamed or disabled on a managed Redis; the message then goes without the count.
    }
    throw new ClusterConnectionError(`--cluster ${target.shown}: database ${db} does not exist on the server${count} (${connectionProblem(err)})`);
  }
}
