// The command tree. Commander is told never to exit and to print through Io, so `main` can run inside
// a test and every error ends as one line and an exit code. Only the command being run is loaded; the
// others appear by name and description (cli/commandCatalog.ts).
import type { Command } from 'commander';
import { COMMANDS, COMMAND_NAMES, commandOf } from './commandCatalog.js';
import { pendampingCommand, runCommandLine } from './command.js';
import { processIo, type Io } from './io.js';

/** The program for `argv`: the command it runs fully registered, every other one listed. */
export async function createProgram(io: Io, argv: readonly string[] = []): Promise<Command> {
  const program = pendampingCommand(io);
  const wanted = commandOf(argv);
  for (const name of COMMAND_NAMES) {
    if (name === wanted) (await COMMANDS[name].load())(program, io);
    else program.command(name).description(COMMANDS[name].description);
  }
  return program;
}

/** Parse `argv` (the arguments after the program name), run the command and return the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  return runCommandLine(await createProgram(io, argv), argv, io);
}
