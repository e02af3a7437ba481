// Run a scenario with its counterfactual to the end (the run engine, stepped through every month).
import { Sector } from '../ledger/accounts.js';
import type { Scenario } from '../scenario/schema.js';
import { startRun, type RunOptions } from './engine.js';
import type { RunResult } from './result.js';

export type { ArmSeries, MetricSeries, ArmOutcome, MetricPlan } from './arm.js';
export { counterfactualKey, type CounterfactualCache, type NeutralCounterfactual } from './counterfactual.js';
export type { AccountingReport, ProgramReport, RunResult } from './result.js';
export { startRun, type Run, type RunOptions } from './engine.js';

export function runScenario(scenario: Scenario, options: Omit<RunOptions, 'arms'> & { metrics?: readonly string[] } = {}): RunResult {
  const run = startRun(scenario, options);
  while (run.step());
  return run.result();
}

export { Sector };
