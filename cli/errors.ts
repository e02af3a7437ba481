// The errors a user may see, and how each ends the process: a bad input file exits 2 (like an invalid
// scenario), anything unexpected exits 1 with one line; the stack only with PENDAMPING_DEBUG=1.
import { CommanderError } from 'commander';
import { TargetingExpressionError } from '../sim/program/expressionError.js';
import { ScenarioError } from '../sim/scenario/scenarioError.js';
import { LedgerIntegrityError } from '../sim/ledger/integrity.js';
import type { Io } from './io.js';

/** A scenario file that cannot be read or is not JSON. */
export class InputFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputFileError';
  }
}

/** Several bad input files, reported together before anything runs. */
export class InputFilesError extends Error {
  constructor(readonly errors: readonly Error[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'InputFilesError';
  }
}

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_CHECKS_FAILED = 3;
/** A run failed (its books did not hold), or in a batch some runs did. */
export const EXIT_RUN_FAILED = 4;

/** An error whose message is the whole story for the user, with its own exit code (e.g. Redis unreachable: 2). */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'ExitError';
  }
}

/** The command ran and printed its report, but some check it makes failed (e.g. a calibration target). */
export class ChecksFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChecksFailed';
  }
}

export const isInputError = (e: unknown): e is Error =>
  e instanceof TargetingExpressionError || e instanceof ScenarioError || e instanceof InputFileError || e instanceof InputFilesError;

/** Print an error the way the CLI promises and return the exit code. */
export function reportError(err: unknown, io: Io): number {
  // commander has already printed its one-line message (or the help) through configureOutput.
  if (err instanceof CommanderError) return err.exitCode;
  if (err instanceof ChecksFailed) {
    io.stderr(err.message.trimEnd() + '\n');
    return EXIT_CHECKS_FAILED;
  }
  if (err instanceof ExitError) {
    io.stderr(err.message.trimEnd() + '\n');
    if (io.env.PENDAMPING_DEBUG === '1' && err.stack) io.stderr(err.stack + '\n');
    return err.exitCode;
  }
  if (isInputError(err)) {
    io.stderr(err.message.trimEnd() + '\n');
    return EXIT_BAD_INPUT;
  }
  if (err instanceof LedgerIntegrityError) {
    io.stderr(`error: ${err.message}\n`);
    return EXIT_RUN_FAILED;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(`error: ${message.split('\n')[0]}\n`);
  if (io.env.PENDAMPING_DEBUG === '1' && err instanceof Error && err.stack) io.stderr(err.stack + '\n');
  return EXIT_ERROR;
}

/**
 * Runs `work`; a targeting expression that fails for a business during it becomes a problem with `file`
 * (exit 2, naming the file, the expression and the business's attribute values).
 */
export function namingFile<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof TargetingExpressionError) throw expressionProblem(file, e);
    throw e;
  }
}

/** A targeting expression's failure as a problem with the file that holds it. */
export const expressionProblem = (file: string, e: TargetingExpressionError): ScenarioError =>
  new ScenarioError(file, [{ path: e.path, value: e.expression, expected: e.expected }]);
