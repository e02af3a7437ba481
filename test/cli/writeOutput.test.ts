// --out never clobbers what is not a regular file, and is checked before any work (issue 13).
import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputPath, emit, isStdout, writeFileAtomic } from '../../cli/writeOutput.js';

const dir = mkdtempSync(join(tmpdir(), 'pendamping-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--out', () => {
  it('"-" is standard output', async () => {
    expect(isStdout('-')).toBe(true);
    let printed = '';
    await emit({ stdout: (t: string) => (printed += t) } as never, 'hello\n', '-');
    expect(printed).toBe('hello\n');
  });

  it('a symlink: its target is written and the link stays a link', async () => {
    const target = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    await writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('a FIFO is written in place, never replaced by a regular file', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (d) => (read += d));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    await writeFileAtomic(fifo, 'through the pipe');
    await closed;
    expect(read).toBe('through the pipe');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a regular file is replaced whole (written beside it, then renamed)', async () => {
    const file = join(dir, 'sub', 'a.json');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
  });

  it('is checked before any work: /proc and /sys, a folder, are exit 2 naming the path', () => {
    const exitOf = (out: string) => {
      try {
        checkOutputPath(out);
      } catch (e) {
        return { code: (e as { exitCode?: number }).exitCode, message: (e as Error).message };
      }
      return { code: 0, message: '' };
    };
    expect(exitOf('/proc/nope/x.json')).toEqual({ code: 2, message: '--out /proc/nope/x.json: cannot write under /proc (a kernel file system); choose a file in a folder of yours' });
    expect(exitOf('/sys/x.json').code).toBe(2);
    expect(exitOf(dir)).toEqual({ code: 2, message: `--out ${dir}: is a folder; give a file name` });
    expect(exitOf(join(dir, 'new', 'deeper', 'x.json')).code).toBe(0);
    expect(exitOf('/dev/null').code).toBe(0);
    expect(exitOf('-').code).toBe(0);
  });
});
