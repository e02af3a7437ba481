// The public surface of the simulation core. Pure TypeScript: no DOM, no Node-only API.
export { scenarioSchema, CAPACITIES, type Scenario, type ScenarioInput, type Sector as SectorSpec, type Shock, type MechanismName } from './scenario/schema.js';
export { parseScenario, ScenarioError, describeProblem, type ScenarioProblem } from './scenario/parse.js';
export { checkRegionProfile, regionProfileSchema, REGION_SECTIONS, type RegionProfile, type RegionProfileInput, type RegionParameter, type RegionSection } from './scenario/regionProfile.js';
export { DEFAULT_REGION, SHIPPED_REGIONS, shippedRegion } from './scenario/regions.js';
export { resolveRegion, type RegionProfiles } from './scenario/resolveRegion.js';
export { runScenario, startRun, counterfactualKey, type Run, type CounterfactualCache, type ArmOutcome, type NeutralCounterfactual, type RunResult, type RunOptions, type ArmSeries, type MetricSeries, type AccountingReport, type ProgramReport } from './run/runScenario.js';
export { effectOf, type Summary, type Comparison } from './run/summary.js';
export { BUSINESS_METRICS, ECONOMY_METRICS, BUSINESS_GROUPS, type GroupName } from './metrics/definitions.js';
export { createEconomy } from './state/init.js';
export { stepMonth } from './step.js';
export { interval, mean, meanOverMonths, tQuantile975, type Interval } from './stats/summaries.js';
export { replicateStats, pairedDifferences, pairedDifferenceStats, costPerJob, definedValues, meanOfDefined, finiteOrNull, monthlyBand, drawStats, monthlyRange, type DrawStats, type MonthlyBand, type ReplicateStats, type ReplicateValue } from './stats/replicates.js';
export { gini } from './stats/gini.js';
export { CEA_EFFECTS, DO_NOTHING, acceptabilityCurve, costEffectiveness, efficiencyFrontier, type AcceptabilityPoint, type CeaDesign, type CeaEffectId, type CeaReplicateValues, type CeaResult, type CostEffect, type FrontierEntry, type FrontierStatus } from './stats/costEffectiveness.js';
export { planCosts, affordablePlaces } from './program/costs.js';
// mathjs (the targeting-expression compiler) loads only on request: loadExpressionCompiler (about 0.25 s of
// set-up per process, page or worker).
export { EXPRESSION_VARIABLES } from './program/expressionVariables.js';
export { loadExpressionCompiler, expressionCompilerNeeded } from './program/expressionCompiler.js';
export { scenarioJsonSchema } from './scenario/jsonSchema.js';
export { TARGETS, calibrationScenarioNames, effectPct, type Target, type Runs } from './calibration/targets.js';
export { validate, score, isFailure, isOpenGap, digitalUpliftSensitivity, validateOverAssumptions, type TargetResult, type ValidateOptions, type SensitivityRow, type TargetOverAssumptions, type AssumptionDraw, type ValidateOverAssumptionsOptions } from './calibration/validate.js';
export type { ParameterValue, DesignPoint, SobolRole, MorrisRole, RunSpec } from './experiment/types.js';
export { experimentSchema, parseExperiment, experimentJsonSchema, baseNameOf, scenarioField, type Experiment, type ExperimentInput, type ParameterSpec, type DistributionSpec, type DesignSpec, type RecordSpec, type ScenarioField } from './experiment/schema.js';
export { designPoints, runSpecs, pointLabel, factorialLevels, rangeValues, parameterQuantile, normalQuantile, latinHypercubeUnits, MAX_DESIGN_POINTS, SAMPLED_DIGITS } from './experiment/design.js';
export { applyAssignments } from './experiment/apply.js';
export { recordRows, seriesMetricsFor, recordedMonths, summaryValue, isSummaryMetric, isKnownMetric, parseSeriesMetric, seriesMetricIds, SUMMARY_METRICS, SERIES_METRICS, SERIES_ARMS, SERIES_GROUPS, DEFAULT_METRICS, type RecordRow, type SummaryMetric, type SeriesArm, type SeriesGroup } from './experiment/record.js';
export { summariseExperiment, baselinePoints, pointMeans, type ResultRow, type PointSummaryRow, type DifferenceRow, type ExperimentSummary } from './experiment/summarise.js';
export { morrisIndices, elementaryEffects, type MorrisIndex, type BootstrapOptions } from './sensitivity/morris.js';
export { sobolIndices, saltelliOutputs, type SobolIndex } from './sensitivity/sobol.js';
export { sensitivityIndices, sobolStability, SOBOL_MAX_CI_WIDTH, SOBOL_RANGE_TOLERANCE, type SensitivityIndexRow, type SobolStability, type SobolIndexRef } from './sensitivity/analyse.js';
export { traceRupiah, incomeOf, businessLm3, RUPIAH_MONTHS, RUPIAH_ROUNDS, type RupiahTrace, type RoundSummary, type TraceNode, type TraceFlow, type FlowClass, type AccountRecord } from './classroom/rupiah.js';
export { recordRupiahRun, followRupiah, pickBusinesses, recipientsByRound, accountOf, type RecordedRun, type BusinessPicks, type RoundRecipients } from './classroom/rupiahRun.js';
export { createLiveRun, stateOf, LiveState, GROWING_TURNOVER, STRUGGLING_TURNOVER, LIVE_ARMS, type LiveAnchors, type LiveArm, type LiveRun, type LiveRunNumbers } from './classroom/live.js';
export { LedgerIntegrityError } from './run/arm.js';
