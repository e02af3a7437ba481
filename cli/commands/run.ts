// `pendamping run <scenario.json>`: one scenario with its counterfactual, as a table, JSON or CSV.
import { COMMANDS } from '../commandCatalog.js';
import type { Command } from 'commander';
import { runScenario } from '../../sim/run/runScenario.js';
import type { Io } from '../io.js';
import { namingFile } from '../errors.js';
import { loadScenarioFile } from '../loadScenario.js';
import { formatOption, monthsOption, outOption, seedOption, type Format } from '../options.js';
import { renderRun } from '../reports/runReport.js';
import { checkOutputPath, emit } from '../writeOutput.js';

export interface RunCommandOptions {
  seed?: number;
  months?: number;
  format?: Format;
}

/** The whole command without commander: load, validate, run, render. Throws the errors errors.ts reports. */
export async function runCommand(file: string, options: RunCommandOptions = {}): Promise<string> {
  const scenario = await loadScenarioFile(file);
  const format = options.format ?? 'table';
  // The table reads only the summary, so a table run records only the series the summary needs (the
  // same numbers; JSON and CSV carry every series).
  const metrics = format === 'table' ? [] : undefined;
  const result = namingFile(file, () => runScenario(scenario, { seed: options.seed, months: options.months, metrics }));
  return renderRun(result, format);
}

export function registerRun(program: Command, io: Io): void {
  program
    .command('run')
    .description(COMMANDS.run.description)
    .argument('<scenario.json>', 'scenario file')
    .addOption(seedOption())
    .addOption(monthsOption())
    .addOption(formatOption())
    .addOption(outOption())
    .addHelpText(
      'after',
      `
Formats:
  table  a report: outcomes with and without the program, effects, cost per job, local GDP gained per
         rupiah, spending multiplier, LM3
  json   one document with the summary, accounting and every monthly series (docs/output.md)
  csv    tidy monthly series: scenario,seed,month,arm,group,metric,value

What each number means (formula, unit, how to read it, what not to compare it with): docs/metrics.md.

Environment: PENDAMPING_MAX_MEMORY (e.g. 32G) is the memory a run may use (default: the machine's);
a larger run is refused before it starts, with its estimate (docs/reliability.md).

Exit codes: 0 done, 1 bad flag or failure, 2 bad scenario file or too large for the memory, 4 the run stopped because its books did not balance (a bug: please report the scenario).

Examples:
  pendamping run scenarios/full-cycle.json
  pendamping run scenarios/full-cycle.json --seed 7 --months 24 --format csv --out results/full-cycle.csv
  (--out - writes to standard output; a symlink's target, a FIFO or a device is written in place, never replaced)`,
    )
    .action(async (file: string, opts: RunCommandOptions & { out?: string }) => {
      checkOutputPath(opts.out);
      await emit(io, await runCommand(file, opts), opts.out);
    });
}
