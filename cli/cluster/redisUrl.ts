// The `--cluster` URL: redis://[user:password@]host[:port][/db] or rediss://… for TLS. The password may be
// in the URL or, to keep it out of the process list, in PENDAMPING_REDIS_PASSWORD. It is never printed:
// every URL shown is redacted (`redis://:***@host:6379`), and everything the cluster commands write,
// errors and stack traces included, goes through `scrub`, which masks the password wherever it appears.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { EXIT_BAD_INPUT, ExitError } from '../errors.js';
import type { Io } from '../io.js';

/** A bad --cluster URL (or a CA file that cannot be read): exit 2, message already redacted. */
export class ClusterUrlError extends ExitError {
  constructor(message: string) {
    super(message, EXIT_BAD_INPUT);
    this.name = 'ClusterUrlError';
  }
}

export const PASSWORD_ENV = 'PENDAMPING_REDIS_PASSWORD';
export const CA_ENV = 'PENDAMPING_REDIS_CA';
export const DEFAULT_REDIS_PORT = 6379;
const MASK = '***';

/** The connection fields ioredis (and so BullMQ) takes. */
export interface RedisConnectionFields {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls?: { servername?: string; ca?: string };
}

export interface RedisTarget {
  /** The URL as it may be shown: password replaced by ***. */
  shown: string;
  fields: RedisConnectionFields;
  /** Strings that must never appear in output (the password, raw and URL-encoded). */
  secrets: string[];
}

/**
 * The URL with its password (if any) replaced by `***`. Works on strings that are not valid URLs too,
 * so an error about a malformed URL can still show it safely.
 */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = MASK;
    return u.href; // redis: is not a special scheme, so the URL keeps its path as written
  } catch {
    // Not a URL: whatever comes before the last `@` may hold a password, so only what follows is shown.
    const at = url.lastIndexOf('@');
    return at < 0 ? url : `${MASK}@${url.slice(at + 1)}`;
  }
}

/** Replace every secret in `text` by `***` (secrets shorter than 4 characters are not looked for). */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join(MASK);
  return out;
}

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** Parse and check a --cluster URL; every problem is named without showing the password. */
export function parseRedisUrl(url: string, env: Record<string, string | undefined> = {}): RedisTarget {
  const shown = redactRedisUrl(url);
  const bad = (why: string) => new ClusterUrlError(`--cluster ${shown}: ${why}; expected redis://[:password@]host[:port][/db] or rediss://… for TLS`);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw bad('not a URL');
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw bad(`the scheme is ${u.protocol.replace(/:$/, '')}`);
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw bad('no host');
  const port = u.port === '' ? DEFAULT_REDIS_PORT : Number(u.port);
  const path = u.pathname.replace(/^\//, '');
  if (!/^\d{0,2}$/.test(path)) throw bad(`the database "${path}" is not a number 0..99`);
  if (u.search !== '' || u.hash !== '') throw bad('query and fragment are not supported');
  const fields: RedisConnectionFields = { host, port, db: path === '' ? 0 : Number(path) };
  if (u.username !== '') fields.username = decode(u.username);
  const fromUrl = u.password !== '';
  const password = fromUrl ? decode(u.password) : env[PASSWORD_ENV];
  if (password !== undefined && password !== '') fields.password = password;
  if (u.protocol === 'rediss:') {
    fields.tls = isIP(host) === 0 ? { servername: host } : {};
    const caFile = env[CA_ENV];
    if (caFile) {
      try {
        fields.tls.ca = readFileSync(caFile, 'utf8');
      } catch (err) {
        throw new ClusterUrlError(`${CA_ENV}=${caFile}: cannot read the CA certificate (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      }
    }
  }
  const secrets = fields.password === undefined ? [] : [...new Set([fields.password, u.password, encodeURIComponent(fields.password)])].filter((s) => s !== '');
  return { shown, fields, secrets };
}

/** An Io whose every line is scrubbed of the secrets. */
export function scrubbedIo(io: Io, secrets: readonly string[]): Io {
  if (secrets.length === 0) return io;
  return { ...io, stdout: (text) => io.stdout(scrub(text, secrets)), stderr: (text) => io.stderr(scrub(text, secrets)) };
}

/** The same error with the secrets masked in its message and stack (it is printed after this). */
export function scrubError(err: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0) return err;
  if (!(err instanceof Error)) return new Error(scrub(String(err), secrets));
  err.message = scrub(err.message, secrets);
  if (err.stack) err.stack = scrub(err.stack, secrets);
  return err;
}
