// The command tree. Commander is told never to exit and to print through Io, so `main` can run inside
// a test and every error ends as one line and an exit code.
import { Command } from 'commander';
import { registerBatch } from './commands/batch.js';
import { registerCompare } from './commands/compare.js';
import { registerRun } from './commands/run.js';
import { registerValidate } from './commands/validate.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { registerWorker } from './commands/worker.js';
import { reportError } from './errors.js';
import { processIo, type Io } from './io.js';
import { pendampingVersion } from './version.js';

export function createProgram(io: Io): Command {
  const program = new Command('pendamping')
    .description('Agent-based simulator of micro-business mentoring programs and the local economy they feed')
    .version(pendampingVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      // commander puts "(Did you mean --seed?)" on a second line: keep each error on one line.
      outputError: (text, write) => write(text.trimEnd().replace(/\n+/g, ' ') + '\n'),
    })
    .showSuggestionAfterError(true)
    .addHelpText('after', '\nRun `pendamping <command> --help` for the options of a command.');
  registerRun(program, io);
  registerCompare(program, io);
  registerValidate(program, io);
  registerSensitivity(program, io);
  registerBatch(program, io);
  registerWorker(program, io);
  return program;
}

/** Parse `argv` (the arguments after the program name), run the command and return the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    await createProgram(io).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    return reportError(err, io);
  }
}
