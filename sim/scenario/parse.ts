// Validate a scenario and turn zod's issues into messages that name the field, the value and what was
// expected — the only errors a user should ever see for a bad file.
import { scenarioSchema, type Scenario } from './schema.js';
import { compileExpression } from '../program/expressionCompiler.js';
import { ScenarioError, zodProblems, type ScenarioProblem } from './problems.js';
import { resolveRegion, type RegionProfiles } from './resolveRegion.js';
import { shareSumProblems } from './shareSums.js';
import { cashTransferProblems } from './cashTransferProblems.js';
import { LOCAL_SECTORS } from './schema.js';
import { LocalEconomyError, solveLocalSteadyState, spendingShareOf, steadyStateIncomes } from '../state/localSectors.js';

/** Households' and micro-businesses' incomes per business in the starting steady state. */
type StartIncomes = ReturnType<typeof steadyStateIncomes>;

export { ScenarioError, describeProblem, closest, zodProblems, type ScenarioProblem } from './problems.js';

/**
 * Validate raw JSON against the schema and the cross-field rules; throws ScenarioError. The scenario's
 * region profile is applied first (schema defaults < profile < the scenario's own fields); `regions` adds
 * profiles to the shipped ones (the CLI's `regions/` folder beside a scenario file).
 */
export function parseScenario(input: unknown, source = 'scenario', regions: RegionProfiles = {}): Scenario {
  const resolved = resolveRegion(input, source, regions);
  const result = scenarioSchema.safeParse(resolved);
  if (!result.success) throw new ScenarioError(source, zodProblems(result.error.issues, resolved));
  const scenario = result.data;
  const problems = crossFieldProblems(scenario);
  if (problems.length > 0) throw new ScenarioError(source, problems);
  return scenario;
}

function crossFieldProblems(s: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  problems.push(...shareSumProblems(s.economy));
  const t = s.program.targeting;
  if (t.rule === 'expression') {
    if (!t.expression) {
      problems.push({ path: 'program.targeting.expression', value: undefined, expected: 'an expression when rule is "expression"' });
    } else {
      try {
        compileExpression(t.expression);
      } catch (e) {
        problems.push({ path: 'program.targeting.expression', value: t.expression, expected: (e as Error).message });
      }
    }
  }
  s.shocks.forEach((shock, i) => {
    if (shock.startMonth > s.months) {
      problems.push({ path: `shocks[${i}].startMonth`, value: shock.startMonth, expected: `a month within the horizon (<= ${s.months})` });
    }
  });
  problems.push(...cashTransferProblems(s));
  if (s.suppliers.importShare + s.suppliers.farmProduceShare > 1 + 1e-9) {
    problems.push({
      path: 'suppliers.farmProduceShare', value: s.suppliers.farmProduceShare,
      expected: `at most 1 − suppliers.importShare (${s.suppliers.importShare}): a supplier cannot spend more than it sells`,
    });
  }
  // The starting steady state's incomes, worked out once for the checks that need them.
  const incomes = steadyStateIncomes(s);
  problems.push(...localEconomyProblems(s, incomes));
  problems.push(...ledgerScaleProblems(s, incomes));
  const levers = ['needsAnalysis', 'training', 'mentoring', 'resourceAccess', 'monitoring', 'reflection', 'forums', 'cashTransfer'] as const;
  if (s.program.startMonth > s.months && levers.some((k) => s.program[k].enabled)) {
    problems.push({ path: 'program.startMonth', value: s.program.startMonth, expected: `a month within the horizon (<= months, ${s.months}): the program would never start` });
  }
  return problems;
}

/** Whole-rupiah sums are exact below 2^53. */
const EXACT_RUPIAH = 9_007_199_254_740_992; // 2^53
/**
 * Money moving through the ledger over a run, per business-month of start turnover: every payment of
 * every kind summed, in the shipped profiles, is 9–12 times the businesses' turnover (measured on the
 * full-cycle design in town, rural and periurban); 12 with a margin of 1.5.
 */
const LEDGER_FLOWS_PER_TURNOVER = 18;

/**
 * Turnover per business in a month at the start, as sim/state/init.ts sets the economy up: households'
 * local budget (their steady-state income, the part spent locally) buys local sales, and a business in a
 * sector selling `outsideSalesShare` of its output outside adds outsideSalesShare / (1 − outsideSalesShare)
 * times its local sales from outside buyers. The target turnover is kept as a floor. Also the sector whose
 * outside sales add most, and how much.
 */
function startTurnoverPerBusiness(s: Scenario, incomes: StartIncomes): { turnover: number; sector: number; outside: number } {
  const local = incomes.householdIncome * spendingShareOf(s) * s.households.localSpendingShare;
  let turnover = 0;
  let sector = 0;
  let outside = 0;
  s.economy.sectors.forEach((k, i) => {
    const fromOutside = k.outsideSalesShare < 1 ? (k.share * local * k.outsideSalesShare) / (1 - k.outsideSalesShare) : 0;
    turnover += k.share * local + fromOutside;
    if (fromOutside > outside) [sector, outside] = [i, fromOutside];
  });
  return { turnover: Math.max(s.economy.meanTurnoverRupiahPerMonth, turnover), sector, outside };
}

/**
 * The ledger keeps every sum exact only while all the money it moves over the horizon stays below 2^53
 * rupiah: the economy's turnover times months (scaled by the measured flow ratio) plus the program's budget.
 * The turnover is the one the model starts from, so a sector selling nearly everything outside (whose
 * turnover is its local sales divided by 1 − outsideSalesShare) counts at its size.
 */
function ledgerScaleProblems(s: Scenario, incomes: StartIncomes): ScenarioProblem[] {
  // Micro-businesses that lose money at the start (sales below raw materials, overheads and wages) have no
  // steady state to start from, and the scale below cannot be estimated (found by the fuzzer).
  if (!(incomes.microIncome >= 0)) {
    return [{
      path: 'economy.sectors', value: `${s.economy.sectors.length} sectors`,
      expected: 'sectors whose businesses earn something at the start: sales above raw materials (inputCostShare), overheads (overheadShare) and wages, so the economy has a steady state to start from',
    }];
  }
  const start = startTurnoverPerBusiness(s, incomes);
  const economy = LEDGER_FLOWS_PER_TURNOVER * s.months * s.economy.businesses * start.turnover;
  const program = 2 * s.program.budgetRupiah;
  if (economy + program < EXACT_RUPIAH) return [];
  const rp = (x: number) => `Rp ${x.toExponential(1)}`;
  const moved = `over ${s.months} months ${s.economy.businesses} businesses at this turnover and this budget move about ${rp(economy + program)}, ` +
    `beyond the ${rp(EXACT_RUPIAH)} below which whole-rupiah sums are exact`;
  if (program > economy) {
    return [{ path: 'program.budgetRupiah', value: s.program.budgetRupiah, expected: `an economy whose ledger stays exact: ${moved} (a lower budget)` }];
  }
  // Outside sales larger than the target turnover: the sector's outside share is what makes the economy too large.
  if (start.outside > s.economy.meanTurnoverRupiahPerMonth) {
    const share = s.economy.sectors[start.sector].outsideSalesShare;
    return [{
      path: `economy.sectors[${start.sector}].outsideSalesShare`, value: share,
      expected: `an economy whose ledger stays exact: selling ${share} of its output outside, the sector's outside sales are ${(share / (1 - share)).toPrecision(2)} times its local sales, so ${moved} (a lower outside share)`,
    }];
  }
  return [{
    path: 'economy.meanTurnoverRupiahPerMonth', value: s.economy.meanTurnoverRupiahPerMonth,
    expected: `an economy whose ledger stays exact: ${moved} (fewer businesses or months, a lower turnover or budget)`,
  }];
}

/**
 * The local economy must add up: households cannot buy more than all of their consumption locally, a
 * block's local inputs and value added cannot exceed its output, its wages and taxes cannot exceed its
 * value added, and the starting steady state must exist (sim/state/localSectors.ts).
 */
function localEconomyProblems(s: Scenario, incomes: StartIncomes): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const L = s.localEconomy;
  const local = s.households.localSpendingShare + LOCAL_SECTORS.reduce((a, k) => a + L[k].householdSpendingShare, 0);
  if (local > 1 + 1e-9) {
    problems.push({
      path: 'localEconomy.<block>.householdSpendingShare', value: Number(local.toFixed(4)),
      expected: 'households.localSpendingShare plus the blocks\' householdSpendingShare at most 1 (the rest of consumption is imported)',
    });
  }
  for (const k of LOCAL_SECTORS) {
    const b = L[k];
    const inputs = LOCAL_SECTORS.reduce((a, j) => a + b.inputsFrom[j], 0);
    if (inputs + b.valueAddedShare > 1 + 1e-9) {
      problems.push({ path: `localEconomy.${k}.inputsFrom`, value: Number(inputs.toFixed(4)), expected: `local inputs plus valueAddedShare (${b.valueAddedShare}) at most 1 per rupiah of output` });
    }
    if (b.gdpShare > 0 && !(b.valueAddedShare > 0)) {
      problems.push({ path: `localEconomy.${k}.valueAddedShare`, value: b.valueAddedShare, expected: 'above 0 for a block with a gdpShare above 0 (its value added comes from its output)' });
    }
    if (b.wageShare + b.taxAndDepreciationShare > b.valueAddedShare + 1e-9) {
      problems.push({ path: `localEconomy.${k}.wageShare`, value: b.wageShare, expected: `wageShare plus taxAndDepreciationShare at most valueAddedShare (${b.valueAddedShare})` });
    }
  }
  if (problems.length === 0 && s.mechanisms.localSectors) {
    const n = s.economy.businesses;
    try {
      solveLocalSteadyState(s, incomes.householdIncome * n, incomes.microIncome * n, incomes.householdIncome * n * spendingShareOf(s), incomes.farmOrders * n);
    } catch (e) {
      if (!(e instanceof LocalEconomyError)) throw e;
      problems.push({ path: e.path, value: e.value, expected: e.message });
    }
  }
  return problems;
}
