// The public surface of the simulation core. Pure TypeScript: no DOM, no Node-only API.
export { scenarioSchema, CAPACITIES, type Scenario, type ScenarioInput, type Sector as SectorSpec, type Shock, type MechanismName } from './scenario/schema.js';
export { parseScenario, ScenarioError, describeProblem, type ScenarioProblem } from './scenario/parse.js';
export { runScenario, simulateArm, type RunResult, type RunOptions, type ArmSeries, type MetricSeries, type AccountingReport, type ProgramReport } from './run/runScenario.js';
export type { Summary, Comparison } from './run/summary.js';
export { BUSINESS_METRICS, ECONOMY_METRICS, BUSINESS_GROUPS, type GroupName } from './metrics/definitions.js';
export { createEconomy } from './state/init.js';
export { stepMonth } from './step.js';
export { interval, mean, tQuantile975, type Interval } from './stats/summaries.js';
export { gini } from './stats/gini.js';
export { planCosts, affordablePlaces } from './program/costs.js';
export { compileTargetingExpression, EXPRESSION_VARIABLES } from './program/expression.js';
export { scenarioJsonSchema } from './scenario/jsonSchema.js';
export { TARGETS, calibrationScenarioNames, effectPct, windowMean, type Target, type Runs } from './calibration/targets.js';
export { validate, score, digitalUpliftSensitivity, type TargetResult, type ValidateOptions, type SensitivityRow } from './calibration/validate.js';
