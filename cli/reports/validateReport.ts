// The validation report: one row per calibration target (range, the model's mean with its 95% CI,
// pass/fail), the targets the model does not represent with the reason, and the C9 sensitivity table.
import type { SensitivityRow, TargetResult } from '../../sim/index.js';
import type { Validation } from '../commands/validate.js';
import { NOT_AVAILABLE, reportNumber } from '../format/number.js';
import { reportRupiah } from '../format/rupiah.js';
import { renderTable, type Row } from '../format/table.js';
import { pendampingVersion } from '../version.js';

function show(x: number, unit: string): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (unit.startsWith('rupiah')) return reportRupiah(x);
  const abs = Math.abs(x);
  return reportNumber(x, abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
}

export function targetRange(r: TargetResult): string {
  const { low, high } = r.target;
  if (r.notModelled) return NOT_AVAILABLE;
  if (low === high) return show(low, r.unit);
  if (!Number.isFinite(high)) return `≥ ${show(low, r.unit)}`;
  if (!Number.isFinite(low)) return `≤ ${show(high, r.unit)}`;
  return `${show(low, r.unit)} to ${show(high, r.unit)}`;
}

export function modelFigure(r: TargetResult): string {
  if (r.value === null) return NOT_AVAILABLE;
  const ci = r.ci && r.n >= 2 ? ` [${show(r.ci[0], r.unit)}, ${show(r.ci[1], r.unit)}]` : '';
  return show(r.value, r.unit) + ci;
}

export const status = (r: TargetResult) => (r.pass === null ? 'not modelled' : r.pass ? 'pass' : 'FAIL');

export function validationTable(v: Validation): string {
  const rows: Row[] = v.results.map((r) => [r.id, r.quantity, r.unit, targetRange(r), modelFigure(r), status(r)]);
  const passed = v.results.filter((r) => r.pass === true).length;
  const failed = v.results.filter((r) => r.pass === false).length;
  const notModelled = v.results.filter((r) => r.pass === null);
  const out = [
    `Pendamping ${pendampingVersion()}: calibration against published evidence (docs/calibration-targets.md), ${v.replicates} replicates (seeds ${v.seeds[0]}..${v.seeds[v.seeds.length - 1]})`,
    '',
    renderTable(
      [
        { header: 'id', align: 'left' },
        { header: 'quantity', align: 'left' },
        { header: 'unit', align: 'left' },
        { header: 'target', align: 'right' },
        { header: 'model [95% CI]', align: 'right' },
        { header: 'result', align: 'left' },
      ],
      rows,
    ),
    `${passed} passed, ${failed} failed, ${notModelled.length} not modelled. A target passes when the mean over replicates lies in its range.`,
    ...notModelled.map((r) => `${r.id} is not modelled: ${r.notModelled}.`),
  ];
  if (v.sensitivity.length > 0) out.push('', digitalUpliftTable(v.sensitivity));
  return out.join('\n') + '\n';
}

export function digitalUpliftTable(rows: readonly SensitivityRow[]): string {
  const body: Row[] = rows.map((s) => [
    s.scenario,
    `× ${reportNumber(s.factor, 1)} (${reportNumber(s.digitalSalesUplift, 3)})`,
    reportNumber(s.turnoverEffectPct, 1, { sign: true }) + '%',
    reportNumber(s.profitEffectPct, 1, { sign: true }) + '%',
    reportNumber(s.digitalAdoptionEffectPoints, 1, { sign: true }) + ' pp',
    reportNumber(s.jobsEffect, 1, { sign: true }),
    reportRupiah(s.localGdpGained, { sign: true }),
    reportNumber(s.localGdpPerRupiah, 2),
  ]);
  return [
    'C9 assumption: digital marketing → sales has no well-identified estimate (Couture et al.: little income gain for rural producers).',
    'performance.digitalSalesUplift halved and doubled; participants\' effects over the last 12 months, means over the same replicates:',
    '',
    renderTable(
      [
        { header: 'design', align: 'left' },
        { header: 'uplift', align: 'left' },
        { header: 'turnover', align: 'right' },
        { header: 'profit', align: 'right' },
        { header: 'digital', align: 'right' },
        { header: 'jobs', align: 'right' },
        { header: 'local GDP gained', align: 'right' },
        { header: 'local GDP per rupiah', align: 'right' },
      ],
      body,
    ),
  ].join('\n');
}

export function renderValidation(v: Validation, format: 'table' | 'json'): string {
  if (format === 'json') {
    // Infinite bounds become null in JSON.
    return JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? null : x), 2) + '\n';
  }
  return validationTable(v);
}
