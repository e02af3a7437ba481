// Where a command writes. Commands never touch process.stdout directly, so tests can capture output
// and the same code runs under a test runner.

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress lines go to stderr only when a person is watching it. */
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
}

export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
};

/** An Io that keeps everything written, for tests. */
export function memoryIo(env: Record<string, string | undefined> = {}): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    stderrIsTTY: false,
    env,
  };
  return io;
}
