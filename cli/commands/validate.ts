// `pendamping validate`: run the calibration scenarios over replicates and score every published target
// (docs/calibration-targets.md) — target range, the model's mean with a 95% CI, pass or fail — plus the C9
// sensitivity of the main outputs to the digital-sales assumption. Exit 0 only when every modelled
// target passes.
import { COMMANDS } from '../commandCatalog.js';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { TARGETS, calibrationScenarioNames } from '../../sim/calibration/targets.js';
import { digitalUpliftSensitivity, validate, type SensitivityRow, type TargetResult } from '../../sim/calibration/validate.js';
import type { Scenario } from '../../sim/scenario/schema.js';
import { ChecksFailed } from '../errors.js';
import type { Io } from '../io.js';
import { loadScenarioFiles } from '../loadScenario.js';
import { MAX_REPLICATES, MAX_SEED, integerParser, outOption } from '../options.js';
import { packageRoot } from '../packageRoot.js';
import { renderValidation } from '../reports/validateReport.js';
import { checkOutputPath, emit } from '../writeOutput.js';

export const DEFAULT_VALIDATE_REPLICATES = 30;
/** The designs whose outputs the C9 sensitivity reports. */
export const SENSITIVITY_DESIGNS = ['digital-first', 'full-cycle'];

export interface ValidateCommandOptions {
  replicates?: number;
  seed?: number;
  format?: 'table' | 'json';
  /** Table: one line per target, however wide (default: fit 100 columns). */
  wide?: boolean;
  /** Folder holding the shipped designs, with the calibration scenarios in its calibration/ folder. */
  scenarios?: string;
  sensitivity?: boolean;
  onProgress?: (replicate: number, scenario: string) => void;
}

export interface Validation {
  replicates: number;
  seeds: number[];
  results: TargetResult[];
  sensitivity: SensitivityRow[];
}

/** A calibration scenario is looked up in scenarios/calibration/, then among the shipped designs. */
export function scenarioPath(dir: string, name: string): string {
  const calibration = join(dir, 'calibration', `${name}.json`);
  return existsSync(calibration) ? calibration : join(dir, `${name}.json`);
}

export async function runValidation(options: ValidateCommandOptions = {}): Promise<Validation> {
  const dir = options.scenarios ?? join(packageRoot(), 'scenarios');
  const replicates = options.replicates ?? DEFAULT_VALIDATE_REPLICATES;
  const seed = options.seed ?? 1;
  if (seed + replicates - 1 > MAX_SEED) throw new Error(`--seed ${seed} with --replicates ${replicates} would need seeds above ${MAX_SEED}`);
  const names = calibrationScenarioNames(TARGETS);
  const sensitivityNames = options.sensitivity === false ? [] : SENSITIVITY_DESIGNS;
  const loaded = await loadScenarioFiles([...names, ...sensitivityNames].map((n) => scenarioPath(dir, n)));
  const scenarios: Record<string, Scenario> = Object.fromEntries(names.map((n, i) => [n, loaded[i]]));
  const results = validate(scenarios, { replicates, seed, onProgress: options.onProgress });
  const designs = Object.fromEntries(sensitivityNames.map((n, i) => [n, loaded[names.length + i]]));
  const sensitivity = digitalUpliftSensitivity(designs, { replicates, seed });
  return { replicates, seeds: Array.from({ length: replicates }, (_, r) => seed + r), results, sensitivity };
}

/** Names of the calibration scenario files present (for help text and checks). */
export function calibrationFiles(dir: string): string[] {
  const folder = join(dir, 'calibration');
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.json')).sort() : [];
}

export function registerValidate(program: Command, io: Io): void {
  program
    .command('validate')
    .description(COMMANDS.validate.description)
    .addOption(new Option('--replicates <n>', `replicates per calibration scenario, 2..${MAX_REPLICATES}`).argParser(integerParser(2, MAX_REPLICATES)).default(DEFAULT_VALIDATE_REPLICATES))
    .addOption(new Option('--seed <n>', `first seed; replicate r uses seed + r, 0..${MAX_SEED}`).argParser(integerParser(0, MAX_SEED)).default(1))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(new Option('--wide', 'table: one line per target, with the unit in its own column, however wide (over 200 columns); by default the table fits 100 columns'))
    .addOption(new Option('--scenarios <dir>', 'folder of the shipped designs, with the calibration scenarios in <dir>/calibration (default: the package\'s scenarios/)'))
    .addOption(new Option('--no-sensitivity', 'skip the C9 sensitivity runs (digital sales uplift halved and doubled)'))
    .addOption(outOption())
    .addHelpText(
      'after',
      `
The table fits 100 columns: the quantity, with its unit in parentheses, wraps, and a long range or CI
takes a second line. --wide keeps every target on one line.

JSON output: { replicates, seeds, results: [{ id, quantity, target: {low, high}, value, ci: [low, high], pass, ... }], sensitivity: [...] }.
A target the model does not represent is reported with pass: null and the reason (notModelled).

Exit codes: 0 every modelled target passes, 3 some target fails (the report says which), 1 bad flag or failure, 2 bad scenario file.`,
    )
    .action(async (opts: ValidateCommandOptions & { out?: string }) => {
      checkOutputPath(opts.out);
      const progress = io.stderrIsTTY ? (r: number, name: string) => io.stderr(`\rreplicate ${r + 1}/${opts.replicates} ${name.padEnd(24)}`) : undefined;
      const v = await runValidation({ ...opts, onProgress: progress });
      if (progress) io.stderr('\r' + ' '.repeat(60) + '\r');
      await emit(io, renderValidation(v, opts.format ?? 'table', { wide: opts.wide }), opts.out);
      const failed = v.results.filter((r) => r.pass === false).map((r) => r.id);
      if (failed.length > 0) throw new ChecksFailed(`${failed.length} calibration target${failed.length === 1 ? '' : 's'} failed: ${failed.join(', ')}`);
    });
}
