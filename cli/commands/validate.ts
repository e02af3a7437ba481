// `pendamping validate`: run the calibration scenarios over replicates and score every published target
// (docs/calibration-targets.md) — target range, the model's mean with a 95% CI, pass or fail — plus the C9
// sensitivity of the main outputs to the digital-sales assumption. Exit 0 only when every modelled
// target passes.
import { COMMANDS } from '../commandCatalog.js';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { TARGETS, calibrationScenarioNames } from '../../sim/calibration/targets.js';
import {
  digitalUpliftSensitivity,
  isFailure,
  validate,
  validateOverAssumptions,
  type AssumptionDraw,
  type SensitivityRow,
  type TargetOverAssumptions,
  type TargetResult,
} from '../../sim/calibration/validate.js';
import { UNCERTAIN_PARAMETERS, type UncertainParameter } from '../../sim/uncertainty/parameters.js';
import type { Scenario } from '../../sim/scenario/schema.js';
import { ChecksFailed } from '../errors.js';
import type { Io } from '../io.js';
import { explicitFieldsOf, loadScenarioFiles } from '../loadScenario.js';
import { MAX_REPLICATES, MAX_SEED, integerParser, outOption } from '../options.js';
import { packageRoot } from '../packageRoot.js';
import { renderValidation, renderValidationOverAssumptions } from '../reports/validateReport.js';
import { checkOutputPath, emit } from '../writeOutput.js';

export const DEFAULT_VALIDATE_REPLICATES = 30;
/** Replicates per draw with --uncertainty, unless --replicates says otherwise. */
export const DEFAULT_REPLICATES_PER_DRAW = 5;
export const MAX_DRAWS = 1000;
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

export interface ValidateUncertaintyOptions {
  /** Draws of the uncertain assumptions. */
  draws: number;
  /** Replicates per draw (default DEFAULT_REPLICATES_PER_DRAW). */
  replicates?: number;
  seed?: number;
  scenarios?: string;
  onProgress?: (draw: number, replicate: number, scenario: string) => void;
}

/** `validate --uncertainty`: which targets still pass across draws of the uncertain assumptions. */
export interface ValidationOverAssumptions {
  draws: number;
  replicatesPerDraw: number;
  seeds: number[];
  parameters: readonly UncertainParameter[];
  drawn: AssumptionDraw[];
  results: TargetOverAssumptions[];
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

export async function runValidationOverAssumptions(options: ValidateUncertaintyOptions): Promise<ValidationOverAssumptions> {
  const dir = options.scenarios ?? join(packageRoot(), 'scenarios');
  const replicates = options.replicates ?? DEFAULT_REPLICATES_PER_DRAW;
  const seed = options.seed ?? 1;
  if (seed + Math.max(replicates, options.draws) - 1 > MAX_SEED) throw new Error(`--seed ${seed} with ${Math.max(replicates, options.draws)} draws or replicates would need seeds above ${MAX_SEED}`);
  const names = calibrationScenarioNames(TARGETS);
  const loaded = await loadScenarioFiles(names.map((n) => scenarioPath(dir, n)));
  const scenarios: Record<string, Scenario> = Object.fromEntries(names.map((n, i) => [n, loaded[i]]));
  const { results, draws } = validateOverAssumptions(scenarios, {
    draws: options.draws,
    replicates,
    seed,
    explicit: (name) => explicitFieldsOf(scenarios[name]),
    onProgress: options.onProgress,
  });
  return { draws: options.draws, replicatesPerDraw: replicates, seeds: Array.from({ length: replicates }, (_, r) => seed + r), parameters: UNCERTAIN_PARAMETERS, drawn: draws, results };
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
    .addOption(
      new Option('--uncertainty <draws>', `draw the uncertain assumptions this many times (2..${MAX_DRAWS}) and report, per target, the share of draws whose mean is in range; --replicates is then per draw (default ${DEFAULT_REPLICATES_PER_DRAW})`).argParser(integerParser(2, MAX_DRAWS)),
    )
    .addOption(outOption())
    .addHelpText(
      'after',
      `
The table fits 100 columns: the quantity, with its unit in parentheses, wraps, and a long range or CI
takes a second line. --wide keeps every target on one line.

JSON output: { replicates, seeds, results: [{ id, quantity, target: {low, high}, value, ci: [low, high], pass, ... }], sensitivity: [...] }.
A target the model does not represent is reported with pass: null and the reason (notModelled). A
target the model is known to miss is scored as any other and, while it fails, reported as a known gap
with the reason (knownGap); it does not change the exit code.

With --uncertainty N, each draw gives every uncertain assumption (docs/uncertainty.md) one value from its
range, the same in every calibration scenario, and runs them over the same replicates (seed, seed + 1, …):
draws differ only in their assumptions. The report gives each target's share of draws in range and the
lowest and highest draw means; JSON adds every draw's values. It is a report: exit 0 unless something fails
to run.

Exit codes: 0 every modelled target passes or is a known gap (with --uncertainty: the report was written), 3 some other target fails (the report says which), 1 bad flag or failure, 2 bad scenario file.`,
    )
    .action(async (opts: ValidateCommandOptions & { out?: string; uncertainty?: number }, command: Command) => {
      checkOutputPath(opts.out);
      if (opts.uncertainty !== undefined) {
        const perDraw = command.getOptionValueSource('replicates') === 'default' ? DEFAULT_REPLICATES_PER_DRAW : opts.replicates;
        const progress = io.stderrIsTTY
          ? (d: number, r: number, name: string) => io.stderr(`\rdraw ${d + 1}/${opts.uncertainty}, replicate ${r + 1}/${perDraw} ${name.padEnd(24)}`)
          : undefined;
        const v = await runValidationOverAssumptions({ draws: opts.uncertainty, replicates: perDraw, seed: opts.seed, scenarios: opts.scenarios, onProgress: progress });
        if (progress) io.stderr('\r' + ' '.repeat(72) + '\r');
        await emit(io, renderValidationOverAssumptions(v, opts.format ?? 'table', { wide: opts.wide }), opts.out);
        return;
      }
      const progress = io.stderrIsTTY ? (r: number, name: string) => io.stderr(`\rreplicate ${r + 1}/${opts.replicates} ${name.padEnd(24)}`) : undefined;
      const v = await runValidation({ ...opts, onProgress: progress });
      if (progress) io.stderr('\r' + ' '.repeat(60) + '\r');
      await emit(io, renderValidation(v, opts.format ?? 'table', { wide: opts.wide }), opts.out);
      // A known gap is reported, not fatal: only a target that should pass fails the command.
      const failed = v.results.filter(isFailure).map((r) => r.id);
      if (failed.length > 0) throw new ChecksFailed(`${failed.length} calibration target${failed.length === 1 ? '' : 's'} failed: ${failed.join(', ')}`);
    });
}
