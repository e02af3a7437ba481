// The `pendamping` command before any sub-command is added, and running a command line through it:
// commander never exits and prints through Io, so every error ends as one line and an exit code.
import { Command } from 'commander';
import { reportError } from './errors.js';
import type { Io } from './io.js';
import { pendampingVersion } from './version.js';

export function pendampingCommand(io: Io): Command {
  return new Command('pendamping')
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
}

/** Parse `argv` (the arguments after the program name) with `program`, run the command, return the exit code. */
export async function runCommandLine(program: Command, argv: readonly string[], io: Io): Promise<number> {
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    return reportError(err, io);
  }
}
