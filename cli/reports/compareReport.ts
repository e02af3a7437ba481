// Renderings of a comparison: a table with one column per design (blocks of four designs when there are
// more), the JSON document, tidy CSV of the statistics and tidy CSV of every replicate's values.
import { replicateStats, type ReplicateStats } from '../../sim/stats/replicates.js';
import type { AssumptionStats, CompareResult, OverAssumptions, QuantityStats } from '../compare/compareDesigns.js';
import { DESIGN_FIGURES, QUANTITIES, type Quantity } from '../compare/quantities.js';
import { toCsv, type CsvValue } from '../format/csv.js';
import { NOT_AVAILABLE, formatPercent, reportNumber } from '../format/number.js';
import { decimalsFor, formatScaled, rupiahUnit } from '../format/rupiah.js';
import { chunk, renderTable, truncate, type Row } from '../format/table.js';
import type { Format } from '../options.js';
import { designKeys } from '../compare/designKeys.js';
import { costEffectivenessCsvRows, costEffectivenessTable } from './costEffectivenessReport.js';

export { designKeys };

export const COLUMN_WIDTH = 24;
export const DESIGNS_PER_BLOCK = 4;

/** `+53.8 m [41.2, 66.4]*`: the mean with its interval in one unit; `*` when an effect's CI excludes 0. */
export function formatStatsCell(q: Quantity, s: QuantityStats | undefined, signed = q.signed): string {
  if (!s || s.mean === null) return NOT_AVAILABLE;
  const withCi = s.n >= 2 && s.low !== null && s.high !== null;
  const values = withCi ? [s.mean, s.low!, s.high!] : [s.mean];
  const maxAbs = Math.max(...values.map(Math.abs));
  let show: (x: number, sign: boolean) => string;
  let suffix = '';
  switch (q.kind) {
    case 'rupiah': {
      const unit = rupiahUnit(maxAbs);
      const d = decimalsFor(maxAbs / unit.size);
      show = (x, sign) => formatScaled(x, unit, d, { sign });
      suffix = unit.short ? ' ' + unit.short : '';
      break;
    }
    case 'percent':
      show = (x, sign) => reportNumber(x, decimalsFor(maxAbs), { sign });
      suffix = '%';
      break;
    case 'points':
      show = (x, sign) => reportNumber(x * 100, decimalsFor(maxAbs * 100), { sign });
      suffix = ' pp';
      break;
    case 'count':
      show = (x, sign) => reportNumber(x, decimalsFor(maxAbs), { sign });
      break;
    case 'ratio':
      show = (x, sign) => reportNumber(x, maxAbs < 10 ? 2 : decimalsFor(maxAbs), { sign });
      break;
  }
  let text = show(s.mean, signed) + suffix;
  if (withCi) {
    text += ` [${show(s.low!, false)}, ${show(s.high!, false)}]`;
    if (signed && (s.low! > 0 || s.high! < 0)) text += '*';
  } else if (s.low !== null && s.high === null) {
    text += ` [${show(s.low, false)}, no bound]`;
  }
  return text;
}

/** Column titles: the scenario names, numbered when two designs share one, at most COLUMN_WIDTH wide. */
export function designLabels(names: readonly string[]): string[] {
  return names.map((name, i) => {
    const shared = names.filter((n) => n === name).length > 1;
    const suffix = shared ? ` #${i + 1}` : '';
    return truncate(name, COLUMN_WIDTH - suffix.length) + suffix;
  });
}

function quantityRows(quantityIds: readonly string[], columns: readonly Record<string, QuantityStats>[], replicates: number, signedAll: boolean): Row[] {
  const rows: Row[] = [];
  let section = '';
  for (const q of QUANTITIES) {
    if (!quantityIds.includes(q.id)) continue;
    if (q.section !== section) {
      if (section) rows.push(['']);
      rows.push([q.section]);
      section = q.section;
    }
    // A quantity defined in no column (e.g. ratios against a no-program baseline) is left out.
    if (columns.every((c) => !c[q.id] || c[q.id].mean === null)) continue;
    rows.push([q.label, ...columns.map((c) => formatStatsCell(q, c[q.id], signedAll || q.signed))]);
    // Say how many replicates had a value only where some but not all did.
    if (columns.some((c) => c[q.id] && c[q.id].n > 0 && c[q.id].n < replicates)) {
      rows.push(['  (replicates with a value)', ...columns.map((c) => `${c[q.id]?.n ?? 0} of ${replicates}`)]);
    }
  }
  return rows;
}

function blocks(labels: readonly string[], head: (indices: number[]) => Row[], body: (indices: number[]) => Row[]): string {
  const indices = labels.map((_, i) => i);
  return chunk(indices, DESIGNS_PER_BLOCK)
    .map((block) =>
      renderTable(
        [{ header: '', align: 'left' }, ...block.map((i) => ({ header: labels[i], align: 'right' as const }))],
        [...head(block), ...body(block)],
      ),
    )
    .join('\n');
}

/**
 * What a reader comparing cash with services must know (docs/model.md §8): the model's cash figures sit
 * well below the experimental evidence on large transfers in poor rural economies.
 */
const CASH_NOTE = (designs: readonly string[]): string[] => [
  `Cash (${designs.join(', ')}): local GDP gained per rupiah counts the value added the district keeps of`,
  'each rupiah spent, round after round. In a field experiment in rural Kenya, local GDP rose about 2.5',
  'times a transfer worth 15% of local GDP (Egger et al. 2022); for a transfer of that size in `rural`',
  '(scenarios/rural-cash-transfer.json) this model gives about 0.6, because less of each rupiah spent',
  'stays in its district. Its cash figures may understate what cash does in a poor, closed economy',
  '(docs/model.md §8).',
];

export function compareTable(c: CompareResult): string {
  const out: string[] = [];
  const labels = designLabels(c.designs.map((d) => d.name));
  const seeds = c.seeds.length === 1 ? `seed ${c.seeds[0]}` : `seeds ${c.seeds[0]}..${c.seeds[c.seeds.length - 1]}`;
  out.push(`Pendamping ${c.pendampingVersion}: ${c.designs.length} design${c.designs.length === 1 ? '' : 's'}, ${c.replicates} replicate${c.replicates === 1 ? '' : 's'} each (${seeds}, the same for every design)`);
  out.push('');
  const ids = QUANTITIES.map((q) => q.id);
  // A growth row only when some design grows or shrinks its district (localEconomy.outsideGrowthPerYear).
  const trended = c.designs.some((d) => d.outsideGrowthPerYear !== undefined);
  out.push(
    blocks(
      labels,
      (block) => [
        ['Region', ...block.map((i) => c.designs[i].region)],
        ...(trended
          ? [['Outside demand and income, a year', ...block.map((i) => formatPercent(c.designs[i].outsideGrowthPerYear ?? 0, 1, { sign: true }))]]
          : []),
        ['Participants', ...block.map((i) => reportNumber(c.designs[i].participants, Number.isInteger(c.designs[i].participants) ? 0 : 1))],
        ['Months (summary window)', ...block.map((i) => `${c.designs[i].months} (last ${c.designs[i].summaryWindowMonths})`)],
        [''],
      ],
      (block) => quantityRows(ids, block.map((i) => c.designs[i].quantities), c.replicates, false),
    ),
  );
  if (c.differencesVsFirst.length > 0) {
    const first = labels[0];
    out.push(`Paired differences vs ${first}: design minus ${first}, replicate by replicate on the same seeds`);
    out.push('');
    const diffIds = QUANTITIES.filter((q) => q.differenced).map((q) => q.id);
    out.push(blocks(labels.slice(1), () => [], (block) => quantityRows(diffIds, block.map((i) => c.differencesVsFirst[i].quantities), c.replicates, true)));
  }
  out.push(
    'Cells: mean [95% confidence interval] over replicates (Student t); * the interval excludes zero.',
    'Effects are vs the same businesses without the program, on the same random numbers, averaged over',
    'the summary window; participant figures are per participant (closed businesses count as 0).',
    'Rupiah: k = thousand (ribu), m = million (juta), bn = billion (miliar), tn = trillion (triliun).',
    `pp = percentage points. ${NOT_AVAILABLE} = not defined in any replicate (e.g. no job created).`,
    '',
  );
  const cash = labels.filter((_, i) => c.designs[i].cashTransfer);
  if (cash.length > 0) out.push(...CASH_NOTE(cash), '');
  if (c.overAssumptions) out.push(overAssumptionsTable(c.overAssumptions, labels), '');
  return out.join('\n') + '\n' + costEffectivenessTable(c.costEffectiveness, c.overAssumptions?.draws ?? c.replicates, c.overAssumptions ? 'draws' : 'replicates');
}

/** The headline quantities shown over the assumptions in the table (the CSV and JSON have every one). */
const OVER_ASSUMPTIONS_ROWS = ['turnover.effect', 'profit.effect', 'jobs.effect', 'localGdpGained', 'programCost', 'costPerJob', 'localGdpPerRupiah'];

/** `mean [2.5%, 97.5%]` of the draws, in the quantity's unit like the main table's cells (no `*`: a range, not an interval). */
function rangeCell(q: Quantity, s: AssumptionStats | undefined): string {
  if (!s || s.mean === null) return NOT_AVAILABLE;
  const asStats: QuantityStats = { mean: s.mean, low: s.rangeLow, high: s.rangeHigh, sd: null, n: s.n, unit: s.unit };
  return formatStatsCell(q, asStats, q.signed).replace(/\*$/, '');
}

function overAssumptionsTable(o: OverAssumptions, labels: readonly string[]): string {
  const out: string[] = [];
  out.push(`Over the assumptions: mean [2.5%, 97.5% of ${o.draws} draws]; draw r runs with seed + r and one draw of each uncertain parameter:`);
  for (const p of o.parameters) {
    out.push(`  ${p.path} uniform ${p.low}..${p.high}${p.fixedIn.length ? ` (not drawn in ${p.fixedIn.join(', ')}: the file sets it)` : ''}`);
  }
  out.push('');
  out.push(
    blocks(
      labels,
      () => [],
      (block) =>
        QUANTITIES.filter((q) => OVER_ASSUMPTIONS_ROWS.includes(q.id)).map((q) => [q.label, ...block.map((i) => rangeCell(q, o.designs[i].quantities[q.id]))] as Row),
    ),
  );
  out.push(
    'A range over the assumptions says where the figure may lie given what the evidence leaves open, and',
    'it does not shrink with more draws; the 95% interval above says how precisely the replicates pin down',
    "the mean with every assumption at its default (docs/metrics.md, 'two kinds of interval').",
  );
  return out.join('\n');
}

/** The statistics over replicates (docs/metrics.md §1), one CSV row each. */
export const CSV_STATISTICS = ['mean', 'low', 'high', 'sd', 'n'] as const;

/** `comparison` of a row: the design's own replicates, or design − first design replicate by replicate. */
export const CSV_COMPARISONS = ['none', 'diffVsFirst', 'overAssumptions', 'costEffectiveness'] as const;

/** Unit of every `n` row: it counts replicates, whatever the quantity's unit. */
export const REPLICATES_UNIT = 'replicates';

export const COMPARE_CSV_HEADER = ['design', 'comparison', 'quantity', 'statistic', 'value', 'unit'] as const;

export const COMPARE_REPLICATES_CSV_HEADER = ['design', 'quantity', 'replicate', 'seed', 'value', 'unit'] as const;

type Comparison = (typeof CSV_COMPARISONS)[number];

function* statisticRows(design: string, comparison: Comparison, quantity: string, unit: string, s: ReplicateStats): Generator<CsvValue[]> {
  for (const stat of CSV_STATISTICS) yield [design, comparison, quantity, stat, s[stat], stat === 'n' ? REPLICATES_UNIT : unit];
}

/**
 * Tidy rows, one per design × comparison × quantity × statistic: first every design's own statistics
 * (its figures, then its quantities), then each later design's paired differences from the first.
 */
export function* compareCsvRows(c: CompareResult): Generator<CsvValue[]> {
  const keys = designKeys(c.designs.map((d) => d.name));
  for (const [i, d] of c.designs.entries()) {
    for (const f of DESIGN_FIGURES) yield* statisticRows(keys[i], 'none', f.id, f.unit, replicateStats(c.replicateValues[i][f.id]));
    for (const [id, s] of Object.entries(d.quantities)) yield* statisticRows(keys[i], 'none', id, s.unit, s);
  }
  for (const [k, d] of c.differencesVsFirst.entries()) {
    for (const [id, s] of Object.entries(d.quantities)) yield* statisticRows(keys[k + 1], 'diffVsFirst', id, s.unit, s);
  }
  if (c.overAssumptions) {
    for (const [i, d] of c.overAssumptions.designs.entries()) {
      for (const [id, s] of Object.entries(d.quantities)) {
        for (const stat of ['mean', 'rangeLow', 'rangeHigh'] as const) yield [keys[i], 'overAssumptions', id, stat, s[stat], s.unit];
        yield [keys[i], 'overAssumptions', id, 'n', s.n, 'draws'];
      }
    }
  }
  yield* costEffectivenessCsvRows(c.costEffectiveness);
}

/** Every replicate's value: one row per design × quantity (its figures first) × replicate, in seed order. */
export function* compareReplicateRows(c: CompareResult): Generator<CsvValue[]> {
  const keys = designKeys(c.designs.map((d) => d.name));
  const measured = [...DESIGN_FIGURES, ...QUANTITIES];
  for (const [i, values] of c.replicateValues.entries()) {
    for (const q of measured) {
      for (const [r, seed] of c.seeds.entries()) yield [keys[i], q.id, r, seed, values[q.id][r], q.unit];
    }
  }
}

export const compareReplicatesCsv = (c: CompareResult): string => toCsv(COMPARE_REPLICATES_CSV_HEADER, compareReplicateRows(c));

/** The JSON document of docs/output.md: the statistics, without every replicate's values. */
export function compareJson(c: CompareResult): string {
  const { pendampingVersion, replicates, seeds, designs, differencesVsFirst, overAssumptions, costEffectiveness } = c;
  return JSON.stringify({ pendampingVersion, replicates, seeds, designs, differencesVsFirst, ...(overAssumptions ? { overAssumptions } : {}), costEffectiveness }, null, 2) + '\n';
}

export function renderCompare(c: CompareResult, format: Format): string {
  switch (format) {
    case 'json':
      return compareJson(c);
    case 'csv':
      return toCsv(COMPARE_CSV_HEADER, compareCsvRows(c));
    case 'table':
      return compareTable(c);
  }
}
