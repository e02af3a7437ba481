// Every sub-command's name and one-line description, and how to load it. The executable loads only the
// command it runs (issue 14: `--help` and `--version` used to load the whole simulation, mathjs and the
// cluster code, 1.6 s); the others are listed by name and description alone, which is all the top-level
// help and commander's "did you mean" need.
import type { Command } from 'commander';
import type { Io } from './io.js';

export type Register = (program: Command, io: Io) => void;

export interface CommandEntry {
  description: string;
  load: () => Promise<Register>;
}

export const COMMANDS = {
  run: {
    description: 'run one scenario and its counterfactual (the same economy and random numbers without the program)',
    load: async () => (await import('./commands/run.js')).registerRun,
  },
  compare: {
    description: 'compare program designs over replicates paired on common random numbers, with 95% confidence intervals, the efficiency frontier and, with --uncertainty, ranges over the assumptions',
    load: async () => (await import('./commands/compare.js')).registerCompare,
  },
  validate: {
    description: 'check the defaults against published evidence (docs/calibration-targets.md): every target, its range, the model\'s figure with a 95% CI, pass/fail',
    load: async () => (await import('./commands/validate.js')).registerValidate,
  },
  sensitivity: {
    description: 'rank an experiment\'s parameters for one output: Morris (μ*, σ) or Sobol (first-order and total indices), with bootstrap CIs',
    load: async () => (await import('./commands/sensitivity.js')).registerSensitivity,
  },
  batch: {
    description: 'run an experiment (design points × replicates) on worker threads, streaming each run to disk; resumable',
    load: async () => (await import('./commands/batch.js')).registerBatch,
  },
  worker: {
    description: 'run cluster batch chunks from a BullMQ queue on Redis, on this machine\'s threads, until SIGTERM',
    load: async () => (await import('./commands/worker.js')).registerWorker,
  },
  scenarios: {
    description: 'the shipped program designs: each file with its title and one line on what it does (--lang id: in Indonesian)',
    load: async () => (await import('./commands/scenarios.js')).registerScenarios,
  },
  region: {
    description: 'region profiles: the published district figures a scenario\'s economy starts from (docs/regions.md)',
    load: async () => (await import('./commands/region.js')).registerRegion,
  },
} as const satisfies Record<string, CommandEntry>;

export type CommandName = keyof typeof COMMANDS;
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];
export const isCommandName = (name: string | undefined): name is CommandName => name !== undefined && Object.hasOwn(COMMANDS, name);

/** The command a command line runs (`help <name>` too), if it names one. */
export function commandOf(argv: readonly string[]): CommandName | undefined {
  const first = argv[0] === 'help' ? argv[1] : argv[0];
  return isCommandName(first) ? first : undefined;
}
