// Parsers for the flags the commands share. A bad value throws commander's InvalidArgumentError, which
// commander turns into one line naming the flag: `option '--seed <n>' argument 'x' is invalid. ...`.
import { InvalidArgumentError, Option } from 'commander';

export const FORMATS = ['table', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** Seeds are 32-bit unsigned integers, as in the scenario schema. */
export const MAX_SEED = 2 ** 32 - 1;
export const MAX_MONTHS = 600;
export const MAX_REPLICATES = 100_000;

export function integerParser(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`Expected an integer from ${min} to ${max}.`);
    }
    return n;
  };
}

export const seedOption = () =>
  new Option('--seed <n>', `random seed, an integer 0..${MAX_SEED} (default: the scenario's seed)`).argParser(integerParser(0, MAX_SEED));

export const monthsOption = () =>
  new Option('--months <n>', `horizon in months, 1..${MAX_MONTHS} (default: the scenario's months)`).argParser(integerParser(1, MAX_MONTHS));

export const formatOption = () => new Option('--format <format>', 'output format').choices(FORMATS).default('table');

export const outOption = () => new Option('--out <file>', 'write the output to FILE instead of stdout (parent folders are created)');

/**
 * Worker threads to start: what was asked, but no more than the processors this machine offers (more
 * threads than processors only share them, and each costs memory), with a note on stderr when cut.
 */
export function threadsFor(flag: string, requested: number | undefined, available: number, note: (line: string) => void): number | undefined {
  if (requested === undefined || requested <= available) return requested;
  note(`note: ${flag} ${requested} is more than the ${available} processors available here; using ${available}\n`);
  return available;
}
