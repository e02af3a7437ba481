// `pendamping region …` alone: the executable loads this instead of the whole command tree, so checking a
// profile does not load the simulation or mathjs (program.ts registers the same command for --help).
import { pendampingCommand, runCommandLine } from './command.js';
import { registerRegion } from './commands/region.js';
import { processIo, type Io } from './io.js';

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const program = pendampingCommand(io);
  registerRegion(program, io);
  return runCommandLine(program, argv, io);
}
