// Deliver a command's output: to stdout (no --out, or --out -), or to a file. A regular file is written
// beside its final name and then renamed into place, so an interrupted run never leaves half a file. What
// is not a regular file is never replaced: a symlink's target is written (the link stays), a FIFO, device
// or socket is written in place. Paths are checked before any work (checkOutputPath), so a run never
// computes for minutes and then finds it cannot write.
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { EXIT_BAD_INPUT, ExitError } from './errors.js';
import type { Io } from './io.js';

/** `--out -` means standard output. */
export const isStdout = (out: string | undefined): boolean => out === undefined || out === '-';

/** Kernel file systems where nothing is a place for results (and where mkdir can hang). */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

/**
 * Check --out (or another flag naming an output file, e.g. compare's --per-replicate) before any work:
 * exit 2 when the path is under /proc or /sys (or a new file under /dev), is a folder, or its nearest
 * existing folder cannot be written to.
 */
export function checkOutputPath(out: string | undefined, flag = '--out'): void {
  if (isStdout(out)) return;
  const bad = (why: string) => new ExitError(`${flag} ${out}: ${why}`, EXIT_BAD_INPUT);
  const path = resolve(out!);
  const exists = existsSync(path);
  const target = exists && lstatSync(path).isSymbolicLink() ? safeRealpath(path) : path;
  const stat = exists ? statSync(target) : undefined;
  if (stat?.isDirectory()) throw bad('is a folder; give a file name');
  const inSystem = SYSTEM_ROOTS.some((root) => target === root || target.startsWith(root + sep));
  // An existing device or FIFO (/dev/stdout, /dev/null, a named pipe) may be written in place; nothing new
  // is created under /proc, /sys or /dev.
  if (inSystem && !(stat && !stat.isFile() && target.startsWith('/dev' + sep))) throw bad(`cannot write under ${target.split(sep).slice(0, 2).join(sep)} (a kernel file system); choose a file in a folder of yours`);
  if (stat) {
    if (!writable(target)) throw bad('cannot be written (permission denied)');
    return;
  }
  let dir = dirname(target);
  while (!existsSync(dir)) dir = dirname(dir);
  if (!statSync(dir).isDirectory()) throw bad(`${dir} is a file, not a folder`);
  if (!writable(dir)) throw bad(`cannot create it in ${dir} (permission denied)`);
}

const safeRealpath = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return p; // a dangling link: written as a new file at the link's own path below
  }
};

const writable = (p: string) => {
  try {
    accessSync(p, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  // A symlink's target is written, not the link replaced; what is not a regular file is written in place.
  const target = existsSync(file) && lstatSync(file).isSymbolicLink() ? safeRealpath(file) : file;
  if (existsSync(target) && !statSync(target).isFile()) {
    try {
      await writeFile(target, text, 'utf8');
    } catch (err) {
      throw new Error(`cannot write ${file} (${(err as Error).message})`, { cause: err });
    }
    return;
  }
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, text, 'utf8');
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new Error(`cannot write ${file} (${(err as Error).message})`, { cause: err });
  }
}

export async function emit(io: Io, text: string, out: string | undefined): Promise<void> {
  if (isStdout(out)) io.stdout(text);
  else await writeFileAtomic(out!, text);
}
