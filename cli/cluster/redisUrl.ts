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
 * The URL with its password (if any) replaced by `***`, whatever its shape, valid URL or not: it is
 * scrubbed as text before any parsing. A URL written with an authority (`scheme://userinfo@host…`) keeps
 * its user name and shows `user:***`; any other text with an `@` shows its scheme and `***` for everything
 * between the scheme and the last `@` (`redis:/:pw@h`, `redis:pw@h`, `redis::pw@h`, `redis:///:pw@h`, or
 * no scheme at all), since any of it may be a password.
 */
export function redactRedisUrl(url: string): string {
  const at = url.lastIndexOf('@');
  if (at < 0) return url;
  const authority = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#@]*)@([^@]*)$/.exec(url);
  if (authority) {
    const [, scheme, userinfo, rest] = authority;
    const colon = userinfo.indexOf(':');
    return colon < 0 ? url : `${scheme}${userinfo.slice(0, colon)}:${MASK}@${rest}`;
  }
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(url)?.[0] ?? '';
  return `${scheme}${MASK}@${url.slice(at + 1)}`;
}

/**
 * Replace every secret in `text` by `***`. A secret of four characters or more is masked wherever it
 * appears; a shorter one (a password is a password, however short) wherever it stands on its own, not
 * inside a longer word or number, so that a one-letter password does not blank every word holding it.
 */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length === 0) continue;
    if (s.length >= 4) out = out.split(s).join(MASK);
    else out = out.replace(new RegExp(`(?<![A-Za-z0-9])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'g'), MASK);
  }
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
  const hint = url.includes('@') ? ' (characters such as @ : / ? # % in a password must be URL-encoded, e.g. @ as %40, or the password given in PENDAMPING_REDIS_PASSWORD)' : '';
  const bad = (why: string) => new ClusterUrlError(`--cluster ${shown}: ${why}; expected redis://[:password@]host[:port][/db] or rediss://… for TLS${hint}`);
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
