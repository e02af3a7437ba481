// The headline quantities read from each replicate of a design: the effects of the summary (and each
// effect as a percent of the counterfactual) plus the program-level figures. Declared once here, used
// by compare's statistics and by every output format.
import type { RunResult } from '../../sim/run/runScenario.js';
import type { Comparison, Summary } from '../../sim/run/summary.js';
import { finiteOrNull } from '../../sim/stats/replicates.js';

/** How a value is shown: rupiah in compact units, percent, percentage points, a count or a ratio. */
export type QuantityKind = 'rupiah' | 'percent' | 'points' | 'count' | 'ratio';

export interface Quantity {
  id: string;
  label: string;
  unit: string;
  kind: QuantityKind;
  /** An effect or difference (shown with a sign and tested against zero) rather than a level. */
  signed: boolean;
  /** Section of the table it belongs to. */
  section: string;
  /** Paired differences between designs are reported for this quantity. */
  differenced: boolean;
  value: (r: RunResult) => number | null;
}

type ComparisonKey = { [K in keyof Summary]: Summary[K] extends Comparison ? K : never }[keyof Summary];

const BUSINESS = 'Participants (effect per participant)';
const NON_PARTICIPANTS = 'Non-participants (initial businesses never enrolled; effect per business)';
const ECONOMY = 'Local economy';
const PROGRAM = 'Program';

function effect(key: ComparisonKey, label: string, unit: string, kind: QuantityKind, section: string): Quantity[] {
  return [
    { id: `${key}.effect`, label, unit, kind, signed: true, section, differenced: true, value: (r) => finiteOrNull(r.summary[key].effect) },
    {
      id: `${key}.effectPct`,
      label: '  % vs without program',
      unit: '% of counterfactual',
      kind: 'percent',
      signed: true,
      section,
      differenced: false,
      value: (r) => finiteOrNull(r.summary[key].effectShare === null ? null : r.summary[key].effectShare! * 100),
    },
  ];
}

/** An index (1 at the start) whose effect reads best as a percent change: only the percent row. */
function relative(key: ComparisonKey, label: string, section: string): Quantity {
  return {
    id: `${key}.effectPct`, label, unit: '% of counterfactual', kind: 'percent', signed: true, section, differenced: true,
    value: (r) => finiteOrNull(r.summary[key].effectShare === null ? null : r.summary[key].effectShare! * 100),
  };
}

function figure(id: string, label: string, unit: string, kind: QuantityKind, signed: boolean, value: (s: Summary) => number | null, section = PROGRAM): Quantity {
  return { id, label, unit, kind, signed, section, differenced: true, value: (r) => finiteOrNull(value(r.summary)) };
}

/**
 * What every replicate of a design records besides the quantities: who took part and over what horizon.
 * They are not effects (no table row, no paired difference); the CSV gives their statistics and each
 * replicate's value like any quantity's.
 */
export interface DesignFigure {
  id: string;
  unit: string;
  value: (r: RunResult) => number;
}

export const DESIGN_FIGURES: readonly DesignFigure[] = [
  { id: 'participants', unit: 'businesses', value: (r) => r.program.participants },
  { id: 'months', unit: 'months', value: (r) => r.months },
  { id: 'summaryWindowMonths', unit: 'months', value: (r) => r.summaryWindowMonths },
];

export const QUANTITIES: readonly Quantity[] = [
  ...effect('turnover', 'Turnover', 'rupiah/month per participant', 'rupiah', BUSINESS),
  ...effect('profit', 'Profit', 'rupiah/month per participant', 'rupiah', BUSINESS),
  ...effect('customers', 'Customers', 'customers per participant', 'count', BUSINESS),
  ...effect('production', 'Production (start prices)', 'rupiah/month per participant at start prices', 'rupiah', BUSINESS),
  ...effect('digitalAdoption', 'Digital adoption', 'share of open participants', 'points', BUSINESS),
  ...effect('bookkeepingAdoption', 'Bookkeeping adoption', 'share of open participants', 'points', BUSINESS),
  ...effect('survival', 'Survival', 'share of participants open', 'points', BUSINESS),
  ...effect('womenTurnover', 'Women-owned turnover', 'rupiah/month per woman-owned participant', 'rupiah', BUSINESS),
  ...effect('nonParticipantTurnover', 'Turnover', 'rupiah/month per initial non-participant', 'rupiah', NON_PARTICIPANTS),
  ...effect('nonParticipantProfit', 'Profit', 'rupiah/month per initial non-participant', 'rupiah', NON_PARTICIPANTS),
  ...effect('nonParticipantSurvival', 'Survival', 'share of initial non-participants open', 'points', NON_PARTICIPANTS),
  ...effect('jobs', 'Jobs', 'workers', 'count', ECONOMY),
  figure('directJobs', '  direct (participants)', 'workers', 'count', true, (s) => s.directJobs, ECONOMY),
  figure('inducedJobs', '  induced (elsewhere)', 'workers', 'count', true, (s) => s.inducedJobs, ECONOMY),
  ...effect('localRawMaterialDemand', 'Local raw-material demand/mo', 'rupiah/month', 'rupiah', ECONOMY),
  ...effect('localGdp', 'Local GDP/month', 'rupiah/month', 'rupiah', ECONOMY),
  figure('localGdpGained', 'Local GDP gained, horizon', 'rupiah', 'rupiah', true, (s) => s.localGdpGained, ECONOMY),
  relative('consumerPriceIndex', 'Consumer prices, % vs without program', ECONOMY),
  relative('wageIndex', 'Local wage, % vs without program', ECONOMY),
  ...effect('unemploymentRate', 'Unemployment rate', 'share of labour force', 'points', ECONOMY),
  figure('spendingMultiplier.program', 'Spending multiplier', 'rupiah of local output per rupiah of new outside demand', 'ratio', false, (s) => s.spendingMultiplier.program, ECONOMY),
  figure('programCost', 'Program cost', 'rupiah', 'rupiah', false, (s) => s.programCost),
  figure('costPerJob', 'Cost per job created', 'rupiah per job', 'rupiah', false, (s) => s.costPerJob),
  figure('localGdpPerRupiah', 'Local GDP gained per rupiah', 'rupiah of local GDP per rupiah of cost', 'ratio', false, (s) => s.localGdpPerRupiah),
  figure('profitPerRupiah', 'Extra profit per rupiah', 'ratio', 'ratio', false, (s) => s.profitPerRupiah),
  figure('lm3.program', 'LM3, participants', 'ratio', 'ratio', false, (s) => s.lm3.program),
  figure('programLm3', 'Program LM3', 'ratio', 'ratio', false, (s) => s.programLm3),
];
