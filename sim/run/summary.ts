// The headline numbers of one run: each as program, counterfactual and effect (program − counterfactual,
// same businesses, same random numbers), averaged over the last months of the horizon (the summary
// window), plus the program-level figures: cost, cost per job, local GDP gained per rupiah, the spending
// multiplier and LM3 (docs/metrics.md explains each).
import { Sector } from '../ledger/accounts.js';
import { lm3, programLm3 } from '../metrics/lm3.js';
import { spendingMultiplier } from '../metrics/spendingMultiplier.js';
import { meanOverMonths } from '../stats/summaries.js';
import type { ArmSeries, ProgramReport } from './runScenario.js';

export interface Comparison {
  program: number;
  counterfactual: number;
  effect: number;
  /** Effect relative to the counterfactual (null when the counterfactual is 0). */
  effectShare: number | null;
  unit: string;
}

export interface Summary {
  turnover: Comparison;
  profit: Comparison;
  customers: Comparison;
  production: Comparison;
  digitalAdoption: Comparison;
  bookkeepingAdoption: Comparison;
  survival: Comparison;
  womenTurnover: Comparison;
  womenProfit: Comparison;
  womenSurvival: Comparison;
  /** The initial businesses never enrolled (entrants excluded): turnover, profit, survival (spillovers). */
  nonParticipantTurnover: Comparison;
  nonParticipantProfit: Comparison;
  nonParticipantSurvival: Comparison;
  /** Participants' ties to other businesses (informal and forum). */
  networkDegree: Comparison;
  /** Inequality of turnover among all open businesses, and of household income. */
  turnoverGini: Comparison;
  householdIncomeGini: Comparison;
  /** Jobs in the whole local economy (micro-businesses, suppliers and the sector blocks). */
  jobs: Comparison;
  /** Jobs effect in participating businesses (direct) and everywhere else (induced). */
  directJobs: number;
  inducedJobs: number;
  localRawMaterialDemand: Comparison;
  /** Prices and the labour market: consumer price index and wage index (1 at the start), unemployment rate. */
  consumerPriceIndex: Comparison;
  wageIndex: Comparison;
  unemploymentRate: Comparison;
  /** Local GDP: the value added of every local sector, per month. */
  localGdp: Comparison;
  /** Local GDP with minus without the program, summed over the whole horizon (rupiah). */
  localGdpGained: number;
  /** Local GDP gained over the horizon ÷ the program's total cost (services, grants, loans' costs, cash alike). */
  localGdpPerRupiah: number | null;
  /** Participants' extra profit over the horizon ÷ total program cost (C8). */
  profitPerRupiah: number | null;
  /** Local output generated in all, round by round, per rupiah of new outside demand, in each run's economy. */
  spendingMultiplier: { program: number | null; counterfactual: number | null; effect: number | null; effectShare: number | null; unit: string };
  /** LM3 of the participating businesses' income, with and without the program (null: no participants). */
  lm3: { program: number | null; counterfactual: number | null; effect: number | null; effectShare: number | null; unit: string };
  /** Round 2 ÷ round 1 of the participants' LM3: the share of their income they spend locally. */
  localRespendingShare: { program: number | null; counterfactual: number | null };
  /** LM3 of the program's own spending. */
  programLm3: number | null;
  programCost: number;
  /** Program cost ÷ jobs created (null when no job was created). */
  costPerJob: number | null;
}

/** The business metrics the summary reads, by group (a run records at least these). */
export const SUMMARY_BUSINESS_METRICS: { readonly participants: readonly string[]; readonly initialNonParticipants: readonly string[]; readonly all: readonly string[] } = {
  participants: [
    'turnover', 'profit', 'customers', 'production', 'digitalAdoption', 'bookkeepingAdoption', 'survival',
    'womenTurnover', 'womenProfit', 'womenSurvival', 'networkDegree', 'jobs',
  ],
  initialNonParticipants: ['turnover', 'profit', 'survival'],
  all: ['turnoverGini', 'localRawMaterialDemand'],
};

/** The effect month by month: the program arm's series minus the counterfactual's (same businesses, same draws). */
export function effectOf(series: { program: readonly number[]; counterfactual: readonly number[] }): number[] {
  return series.program.map((x, t) => x - series.counterfactual[t]);
}

/** Mean of the last `window` months of a series (0 before any month is recorded). */
const lastMonthsMean = (xs: number[], window: number) => (xs.length === 0 ? 0 : meanOverMonths(xs, Math.max(1, xs.length - window + 1), xs.length));

function compare(p: number[], c: number[], window: number, unit: string): Comparison {
  const program = lastMonthsMean(p, window);
  const counterfactual = lastMonthsMean(c, window);
  const effect = program - counterfactual;
  return { program, counterfactual, effect, effectShare: counterfactual !== 0 ? effect / Math.abs(counterfactual) : null, unit };
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? a / b : null);

/** A ratio read from each run's ledger, with and without the program (null where not defined). */
function ratioComparison(program: number, counterfactual: number, unit: string) {
  return {
    program: finite(program),
    counterfactual: finite(counterfactual),
    effect: finite(program - counterfactual),
    effectShare: finite((program - counterfactual) / counterfactual),
    unit,
  };
}

export function summarise(input: {
  program: ArmSeries;
  counterfactual: ArmSeries;
  window: number;
  programReport: ProgramReport;
  cellsProgram: Float64Array;
  cellsCounterfactual: Float64Array;
}): Summary {
  const { program: P, counterfactual: C, window: w } = input;
  const part = (metric: string, unit: string) => compare(P.participants[metric], C.participants[metric], w, unit);
  const economy = (metric: string, unit: string) => compare(P.economy[metric], C.economy[metric], w, unit);
  const jobs = economy('totalJobs', 'workers');
  const directJobs = compare(P.participants.jobs, C.participants.jobs, w, 'workers').effect;
  const gdpP = P.economy.localGdp;
  const gdpC = C.economy.localGdp;
  let localGdpGained = 0;
  for (let t = 0; t < gdpP.length; t++) localGdpGained += gdpP[t] - gdpC[t];
  const nonParticipant = (metric: string, unit: string) => compare(P.initialNonParticipants[metric], C.initialNonParticipants[metric], w, unit);
  const profitP = effectOf({ program: P.participants.profit, counterfactual: C.participants.profit });
  const participantProfitGained = profitP.reduce((a, x) => a + x, 0) * input.programReport.participants;
  const cost = input.programReport.spent;
  const roundsP = lm3(input.cellsProgram, Sector.participants);
  const roundsC = lm3(input.cellsCounterfactual, Sector.participants);
  const lm3P = roundsP.lm3;
  const lm3C = roundsC.lm3;
  const pl = programLm3(input.cellsProgram, Sector.program).lm3;
  const spendingP = spendingMultiplier(input.cellsProgram).multiplier;
  const spendingC = spendingMultiplier(input.cellsCounterfactual).multiplier;
  return {
    turnover: part('turnover', 'rupiah/month per participant'),
    profit: part('profit', 'rupiah/month per participant'),
    customers: part('customers', 'customers per participant'),
    production: part('production', 'rupiah/month per participant at start prices'),
    digitalAdoption: part('digitalAdoption', 'share of open participants'),
    bookkeepingAdoption: part('bookkeepingAdoption', 'share of open participants'),
    survival: part('survival', 'share of participants open'),
    womenTurnover: part('womenTurnover', 'rupiah/month per woman-owned participant'),
    womenProfit: part('womenProfit', 'rupiah/month per woman-owned participant'),
    womenSurvival: part('womenSurvival', 'share of woman-owned participants open'),
    nonParticipantTurnover: nonParticipant('turnover', 'rupiah/month per initial non-participant'),
    nonParticipantProfit: nonParticipant('profit', 'rupiah/month per initial non-participant'),
    nonParticipantSurvival: nonParticipant('survival', 'share of initial non-participants open'),
    networkDegree: part('networkDegree', 'ties per open participant'),
    turnoverGini: compare(P.all.turnoverGini, C.all.turnoverGini, w, 'Gini 0..1'),
    householdIncomeGini: economy('householdIncomeGini', 'Gini 0..1'),
    jobs,
    directJobs,
    inducedJobs: jobs.effect - directJobs,
    localRawMaterialDemand: compare(P.all.localRawMaterialDemand, C.all.localRawMaterialDemand, w, 'rupiah/month'),
    consumerPriceIndex: economy('consumerPriceIndex', 'index (start = 1)'),
    wageIndex: economy('wageIndex', 'index (start = 1)'),
    unemploymentRate: economy('unemploymentRate', 'share of labour force'),
    localGdp: economy('localGdp', 'rupiah/month'),
    localGdpGained,
    localGdpPerRupiah: ratio(localGdpGained, cost),
    profitPerRupiah: ratio(participantProfitGained, cost),
    spendingMultiplier: ratioComparison(spendingP, spendingC, 'rupiah of local output per rupiah of new outside demand'),
    lm3: ratioComparison(lm3P, lm3C, 'ratio'),
    localRespendingShare: { program: finite(roundsP.round2 / roundsP.round1), counterfactual: finite(roundsC.round2 / roundsC.round1) },
    programLm3: finite(pl),
    programCost: cost,
    costPerJob: jobs.effect > 0 && cost > 0 ? cost / jobs.effect : null,
  };
}
