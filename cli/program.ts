// The command tree. Commander is told never to exit and to print through Io, so `main` can run inside
// a test and every error ends as one line and an exit code.
import type { Command } from 'commander';
import { pendampingCommand, runCommandLine } from './command.js';
import { registerBatch } from './commands/batch.js';
import { registerCompare } from './commands/compare.js';
import { registerRegion } from './commands/region.js';
import { registerRun } from './commands/run.js';
import { registerValidate } from './commands/validate.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { registerWorker } from './commands/worker.js';
import { processIo, type Io } from './io.js';

export function createProgram(io: Io): Command {
  const program = pendampingCommand(io);
  registerRun(program, io);
  registerCompare(program, io);
  registerValidate(program, io);
  registerSensitivity(program, io);
  registerBatch(program, io);
  registerWorker(program, io);
  registerRegion(program, io);
  return program;
}

/** Parse `argv` (the arguments after the program name), run the command and return the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  return runCommandLine(createProgram(io), argv, io);
}
