// The three renderings of one run: the JSON document (everything in RunResult), tidy CSV of the monthly
// series, and the table a program officer reads.
import type { Comparison, RunResult } from '../../sim/index.js';
import { toCsv, type CsvValue } from '../format/csv.js';
import { NOT_AVAILABLE, reportNumber, formatPercent, formatPoints } from '../format/number.js';
import { reportRupiah } from '../format/rupiah.js';
import { renderTable, type Row } from '../format/table.js';
import type { Format } from '../options.js';
import { pendampingVersion } from '../version.js';

/** The `run --format json` document; field meanings are in docs/output.md. */
export function runDocument(r: RunResult) {
  return {
    scenario: r.scenario,
    region: r.region,
    ...(r.outsideGrowthPerYear === undefined ? {} : { outsideGrowthPerYear: r.outsideGrowthPerYear }),
    seed: r.seed,
    months: r.months,
    summaryWindowMonths: r.summaryWindowMonths,
    pendampingVersion: pendampingVersion(),
    program: r.program,
    summary: r.summary,
    accounting: r.accounting,
    series: r.series,
  };
}

export const RUN_CSV_HEADER = ['scenario', 'seed', 'month', 'arm', 'group', 'metric', 'value'] as const;

/** One row per arm × group × metric × month (month 1 is the first simulated month). */
export function* runCsvRows(r: RunResult): Generator<CsvValue[]> {
  for (const arm of ['program', 'counterfactual'] as const) {
    for (const [group, metrics] of Object.entries(r.series[arm])) {
      for (const [metric, values] of Object.entries(metrics)) {
        for (let t = 0; t < values.length; t++) yield [r.scenario, r.seed, t + 1, arm, group, metric, values[t]];
      }
    }
  }
}

type Kind = 'rupiah' | 'share' | 'count' | 'index';

function comparisonRow(label: string, c: Comparison, kind: Kind): string[] {
  const digits = kind === 'index' ? 3 : 1;
  const level = (x: number) => (kind === 'rupiah' ? reportRupiah(x) : kind === 'share' ? formatPercent(x) : reportNumber(x, digits));
  const effect =
    kind === 'rupiah' ? reportRupiah(c.effect, { sign: true }) : kind === 'share' ? formatPoints(c.effect) : reportNumber(c.effect, digits, { sign: true });
  return [label, level(c.program), level(c.counterfactual), effect, formatPercent(c.effectShare, 1, { sign: true })];
}

const ratio = (x: number | null) => reportNumber(x, 2);

export function runTable(r: RunResult): string {
  const s = r.summary;
  const p = r.program;
  const out: string[] = [];
  const g = r.outsideGrowthPerYear;
  const trend = g === undefined ? '' : `, outside demand and income ${g > 0 ? 'growing' : 'shrinking'} ${formatPercent(Math.abs(g), 1)} a year`;
  out.push(`Pendamping ${pendampingVersion()}: scenario "${r.scenario}", region "${r.region}"${trend}`);
  out.push(
    `Seed ${r.seed}, ${r.months} months, ${reportNumber(p.participants, 0)} participants in ${p.cohorts} cohort${p.cohorts === 1 ? '' : 's'}, ` +
      `program cost ${reportRupiah(s.programCost)}`,
  );
  if (p.cashTransfer) out.push(`Cash transfers to ${reportNumber(p.cashTransfer.recipients, 0)} households, ${reportRupiah(p.cashTransfer.perRecipientRupiah)} each over the schedule`);
  out.push('');
  const rows: Row[] = [
    comparisonRow('Turnover, per month', s.turnover, 'rupiah'),
    comparisonRow('Profit, per month', s.profit, 'rupiah'),
    comparisonRow('Customers', s.customers, 'count'),
    comparisonRow('Production, per month', s.production, 'rupiah'),
    comparisonRow('Digital adoption', s.digitalAdoption, 'share'),
    comparisonRow('Bookkeeping adoption', s.bookkeepingAdoption, 'share'),
    comparisonRow('Survival', s.survival, 'share'),
    comparisonRow('Women-owned turnover', s.womenTurnover, 'rupiah'),
    comparisonRow('Women-owned survival', s.womenSurvival, 'share'),
    comparisonRow('Non-participants: turnover', s.nonParticipantTurnover, 'rupiah'),
    comparisonRow('Non-participants: profit', s.nonParticipantProfit, 'rupiah'),
    comparisonRow('Non-participants: survival', s.nonParticipantSurvival, 'share'),
    comparisonRow('Ties to other businesses', s.networkDegree, 'count'),
    comparisonRow('Jobs (local economy)', s.jobs, 'count'),
    ['  direct (participants)', '', '', reportNumber(s.directJobs, 1, { sign: true }), ''],
    ['  induced (elsewhere)', '', '', reportNumber(s.inducedJobs, 1, { sign: true }), ''],
    comparisonRow('Local raw-material demand', s.localRawMaterialDemand, 'rupiah'),
    comparisonRow('Local GDP, per month', s.localGdp, 'rupiah'),
    comparisonRow('Turnover inequality (Gini)', s.turnoverGini, 'index'),
    comparisonRow('Household income Gini', s.householdIncomeGini, 'index'),
  ];
  out.push(
    renderTable(
      [
        { header: '', align: 'left' },
        { header: 'Program', align: 'right' },
        { header: 'Without program', align: 'right' },
        { header: 'Effect', align: 'right' },
        { header: 'Effect %', align: 'right' },
      ],
      rows,
    ).trimEnd(),
  );
  out.push(
    '',
    `Figures are means over the last ${r.summaryWindowMonths} of ${r.months} months. Effects compare the same businesses`,
    'without the program, run on the same random numbers. Turnover, profit, customers and production are',
    'per participant (a closed business counts as 0), production at start prices; adoption is a share of',
    'open participants; women-owned turnover is per woman-owned participant; non-participants are the',
    'businesses there at the start that were never enrolled (entrants excluded), per business; jobs,',
    'raw-material demand and local GDP (value added of every local sector) are for the whole local economy.',
    'Effect % is relative to without program. What each number means: docs/metrics.md.',
    '',
  );
  const lines: Row[] = [
    ['Program cost', `${reportRupiah(s.programCost)} (${reportRupiah(p.injectedLocally)} injected into local accounts)`],
    ['Cost per job created', reportRupiah(s.costPerJob)],
    [`Local GDP gained over ${r.months} months`, reportRupiah(s.localGdpGained)],
    ['Local GDP gained per rupiah', `${ratio(s.localGdpPerRupiah)} (local GDP gained / program cost)`],
    ["Participants' extra profit per rupiah", ratio(s.profitPerRupiah)],
    ['Spending multiplier', `${ratio(s.spendingMultiplier.program)} with program, ${ratio(s.spendingMultiplier.counterfactual)} without (local output per rupiah of new outside demand)`],
    ['LM3, participants', `${ratio(s.lm3.program)} with program, ${ratio(s.lm3.counterfactual)} without`],
    ['Program LM3', ratio(s.programLm3)],
  ];
  out.push(renderTable([{ header: '', align: 'left' }, { header: '', align: 'left' }], lines, { header: false }).trimEnd());
  out.push('');
  out.push(`Ledger: largest imbalance ${reportRupiah(r.accounting.maxImbalance)}; negative balances ${r.accounting.negativeBalances}`);
  out.push(`${NOT_AVAILABLE} = not defined (e.g. no job created, nothing spent).`);
  return out.join('\n') + '\n';
}

export function renderRun(r: RunResult, format: Format): string {
  switch (format) {
    case 'json':
      // JSON.stringify writes NaN and infinities as null (documented in docs/output.md).
      return JSON.stringify(runDocument(r), null, 2) + '\n';
    case 'csv':
      return toCsv(RUN_CSV_HEADER, runCsvRows(r));
    case 'table':
      return runTable(r);
  }
}
