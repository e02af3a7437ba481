// The validation report: one row per calibration target (range, the model's mean with its 95% CI,
// pass/fail), the targets the model does not represent with the reason, and the C9 sensitivity table.
// It fits REPORT_WIDTH columns, so it can be pasted into a report or read in a terminal: the quantity
// (with its unit) wraps, and a long range or CI takes a second line. `wide` prints one line per target,
// however wide (over 200 columns).
import type { SensitivityRow, TargetResult } from '../../sim/index.js';
import { isFailure, isOpenGap } from '../../sim/calibration/validate.js';
import type { Validation, ValidationOverAssumptions } from '../commands/validate.js';
import { NOT_AVAILABLE, reportNumber } from '../format/number.js';
import { reportRupiah } from '../format/rupiah.js';
import { renderTable, wrapText, type Row } from '../format/table.js';
import { pendampingVersion } from '../version.js';

function show(x: number, unit: string): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (unit.startsWith('rupiah')) return reportRupiah(x);
  const abs = Math.abs(x);
  return reportNumber(x, abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
}

export function targetRange(r: Pick<TargetResult, 'target' | 'unit' | 'notModelled'>): string {
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

export const status = (r: TargetResult) => (r.pass === null ? 'not modelled' : r.pass ? 'pass' : r.knownGap ? 'known gap' : 'FAIL');

/** The most columns a line of the (not --wide) report takes. */
export const REPORT_WIDTH = 100;
/** A range or model figure longer than these takes a second line (a CI longer still, a third). */
const TARGET_WIDTH = 14;
const MODEL_WIDTH = 20;

export interface ValidationTableOptions {
  /** One line per target, however wide, as before the report fitted REPORT_WIDTH. */
  wide?: boolean;
}

/** `Rp 5.5 juta to Rp 7.1 juta` on two lines, broken after `to`, when longer than TARGET_WIDTH. */
function narrowRange(r: Pick<TargetResult, 'target' | 'unit' | 'notModelled'>): string {
  const text = targetRange(r);
  return text.length > TARGET_WIDTH ? text.replace(' to ', ' to\n') : text;
}

/** The mean, then its CI on the next line when both are longer than MODEL_WIDTH (the CI broken after its comma if still too long). */
function narrowModel(r: TargetResult): string {
  const text = modelFigure(r);
  if (text.length <= MODEL_WIDTH) return text;
  const at = text.indexOf(' [');
  if (at < 0) return text;
  const ci = text.slice(at + 1);
  return text.slice(0, at) + '\n' + (ci.length > MODEL_WIDTH ? ci.replace(', ', ',\n') : ci);
}

/** Prose wrapped to REPORT_WIDTH unless wide. */
const prose = (text: string, wide: boolean) => (wide ? text : wrapText(text, REPORT_WIDTH).join('\n'));

export function validationTable(v: Validation, options: ValidationTableOptions = {}): string {
  const wide = options.wide ?? false;
  const passed = v.results.filter((r) => r.pass === true).length;
  const failed = v.results.filter(isFailure).length;
  const gaps = v.results.filter(isOpenGap);
  const closedGaps = v.results.filter((r) => r.pass === true && r.knownGap);
  const notModelled = v.results.filter((r) => r.pass === null);
  const table = wide
    ? renderTable(
        [
          { header: 'id', align: 'left' },
          { header: 'quantity', align: 'left' },
          { header: 'unit', align: 'left' },
          { header: 'target', align: 'right' },
          { header: 'model [95% CI]', align: 'right' },
          { header: 'result', align: 'left' },
        ],
        v.results.map((r) => [r.id, r.quantity, r.unit, targetRange(r), modelFigure(r), status(r)]),
      )
    : renderTable(
        [
          { header: 'id', align: 'left' },
          { header: 'quantity (unit)', align: 'left', wrap: true },
          { header: 'target', align: 'right' },
          { header: 'model [95% CI]', align: 'right' },
          { header: 'result', align: 'left' },
        ],
        v.results.map((r) => [r.id, `${r.quantity} (${r.unit})`, narrowRange(r), narrowModel(r), status(r)]),
        { width: REPORT_WIDTH },
      );
  const out = [
    prose(`Pendamping ${pendampingVersion()}: calibration against published evidence (docs/calibration-targets.md), ${v.replicates} replicates (seeds ${v.seeds[0]}..${v.seeds[v.seeds.length - 1]})`, wide),
    '',
    table,
    prose(`${passed} passed, ${failed} failed, ${gaps.length} known ${gaps.length === 1 ? 'gap' : 'gaps'}, ${notModelled.length} not modelled. A target passes when the mean over replicates lies in its range.`, wide),
    ...gaps.map((r) => prose(`${r.id} is a known gap (the model misses it): ${r.knownGap}.`, wide)),
    ...closedGaps.map((r) => prose(`${r.id} passes although it is marked as a known gap: the mark (sim/calibration/targets.ts) can go.`, wide)),
    ...notModelled.map((r) => prose(`${r.id} is not modelled: ${r.notModelled}.`, wide)),
  ];
  if (v.sensitivity.length > 0) out.push('', digitalUpliftTable(v.sensitivity, options));
  return out.join('\n') + '\n';
}

export function digitalUpliftTable(rows: readonly SensitivityRow[], options: ValidationTableOptions = {}): string {
  const wide = options.wide ?? false;
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
    prose('C9 assumption: digital marketing → sales has no well-identified estimate (Couture et al.: little income gain for rural producers).', wide),
    prose('performance.digitalSalesUplift halved and doubled; participants\' effects over the last 12 months, means over the same replicates:', wide),
    '',
    renderTable(
      [
        { header: 'design', align: 'left' },
        { header: 'uplift', align: 'left' },
        { header: 'turnover', align: 'right' },
        { header: 'profit', align: 'right' },
        { header: 'digital', align: 'right' },
        { header: 'jobs', align: 'right' },
        { header: wide ? 'local GDP gained' : 'local GDP\ngained', align: 'right' },
        { header: wide ? 'local GDP per rupiah' : 'local GDP\nper rupiah', align: 'right' },
      ],
      body,
    ),
  ].join('\n');
}

export function renderValidation(v: Validation, format: 'table' | 'json', options: ValidationTableOptions = {}): string {
  if (format === 'json') {
    // Infinite bounds become null in JSON.
    return JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? null : x), 2) + '\n';
  }
  return validationTable(v, options);
}

/** `validate --uncertainty`: each target's share of draws in range, and the spread of the draw means. */
export function validationOverAssumptionsTable(v: ValidationOverAssumptions, options: ValidationTableOptions = {}): string {
  const wide = options.wide ?? false;
  const share = (r: ValidationOverAssumptions['results'][number]) =>
    r.notModelled ? 'not modelled' : r.share === null ? NOT_AVAILABLE : `${r.inRange} of ${r.draws} (${reportNumber(r.share * 100, 0)}%)`;
  const spread = (r: ValidationOverAssumptions['results'][number]) => {
    if (r.lowest === null || r.highest === null) return NOT_AVAILABLE;
    const text = `${show(r.lowest, r.unit)} to ${show(r.highest, r.unit)}`;
    return wide || text.length <= 17 ? text : text.replace(' to ', ' to\n');
  };
  const table = renderTable(
    [
      { header: 'id', align: 'left' },
      { header: 'quantity (unit)', align: 'left', wrap: !wide },
      { header: 'target', align: 'right' },
      { header: 'draws in range', align: 'right' },
      { header: wide ? 'draw means, lowest to highest' : 'draw means,\nlowest to highest', align: 'right' },
    ],
    v.results.map((r) => [r.id, `${r.quantity} (${r.unit})`, wide ? targetRange(r) : narrowRange(r), share(r), spread(r)]),
    wide ? {} : { width: REPORT_WIDTH },
  );
  const all = v.results.filter((r) => r.share === 1).length;
  const some = v.results.filter((r) => r.share !== null && r.share < 1);
  const parameters = v.parameters.map((p) => `- ${p.path}: uniform from ${reportNumber(p.low, 2)} to ${reportNumber(p.high, 2)}. ${p.source[0].toUpperCase()}${p.source.slice(1)}.`);
  // For a target in range in some draws only: each assumption's mean value in the draws in range and in
  // those out of range (a large gap says which assumption the target speaks to).
  const split = some.flatMap((r) => {
    const parts = v.parameters.map((p) => {
      const values = (inRange: boolean) =>
        v.drawn.filter((_, d) => {
          const x = r.drawMeans[d];
          return x !== null && (x >= r.target.low && x <= r.target.high) === inRange;
        }).map((d) => d.values[p.path]).filter((x): x is number => x !== undefined);
      const mean = (xs: number[]) => (xs.length ? reportNumber(xs.reduce((a, b) => a + b, 0) / xs.length, 3) : NOT_AVAILABLE);
      return `${p.path} ${mean(values(true))} in range, ${mean(values(false))} out`;
    });
    return [prose(`- ${r.id}: mean draws of ${parts.join('; ')}.`, wide)];
  });
  return [
    prose(
      `Pendamping ${pendampingVersion()}: calibration over the uncertain assumptions, ${v.draws} draws × ${v.replicatesPerDraw} replicates (seeds ${v.seeds[0]}..${v.seeds[v.seeds.length - 1]} in every draw). Drawn in each (docs/uncertainty.md):`,
      wide,
    ),
    ...parameters.map((line) => prose(line, wide)),
    '',
    table,
    prose(
      `${all} targets in range in every draw${some.length > 0 ? `; in some draws only: ${some.map((r) => `${r.id} (${reportNumber(r.share! * 100, 0)}%)`).join(', ')}` : ''}. ` +
        `A draw is in range when its mean over the ${v.replicatesPerDraw} replicates lies in the target's range; with few replicates, luck moves a mean near a bound too.`,
      wide,
    ),
    ...(split.length > 0 ? ['', prose('Where a target is in range in some draws only, the assumptions drawn in range and out of it:', wide), ...split] : []),
  ].join('\n') + '\n';
}

export function renderValidationOverAssumptions(v: ValidationOverAssumptions, format: 'table' | 'json', options: ValidationTableOptions = {}): string {
  if (format === 'json') return JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? null : x), 2) + '\n';
  return validationOverAssumptionsTable(v, options);
}
