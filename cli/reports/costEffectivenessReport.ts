// compare's cost-effectiveness section (cli/compare/costEffectiveness.ts): for extra jobs and for local
// GDP gained, each design's place on the efficiency frontier and the extra cost per extra unit over the
// frontier option before it; then the acceptability table, the share of replicates in which each design
// is the best buy at a value of one unit. Tidy CSV rows of the same.
import type { CsvValue } from '../format/csv.js';
import { NOT_AVAILABLE, reportNumber } from '../format/number.js';
import { reportRupiah } from '../format/rupiah.js';
import { renderTable } from '../format/table.js';
import { CEA_EFFECTS, type CeaDesign, type CeaResult } from '../compare/costEffectiveness.js';

const NOTHING = 'no program';

const effectText = (r: CeaResult, x: number | null | undefined) =>
  x === null || x === undefined ? NOT_AVAILABLE : r.effect === 'jobs' ? reportNumber(x, Math.abs(x) >= 100 ? 0 : 1, { sign: true }) : reportRupiah(x, { sign: true });

function statusText(d: CeaDesign): string {
  switch (d.status) {
    case 'frontier':
      return `yes; next cheaper option: ${d.previous ?? NOTHING}`;
    case 'dominated':
      return `no: dominated by ${d.dominatedBy === 'none' ? NOTHING : d.dominatedBy}`;
    case 'extendedDominated':
      return 'no: extended dominance (a mix of two others buys more)';
    case 'undefined':
      return 'not defined (no cost or effect)';
  }
}

function icerText(r: CeaResult, d: CeaDesign): string {
  if (d.status !== 'frontier' || d.icer === undefined) return NOT_AVAILABLE;
  return r.effect === 'jobs' ? reportRupiah(d.icer) : reportNumber(d.icer, 2);
}

const valueText = (r: CeaResult, v: number) => (r.effect === 'jobs' ? reportRupiah(v) : reportNumber(v, 2));

/** The section printed under compare's table. */
export function costEffectivenessTable(results: readonly CeaResult[], replicates: number): string {
  const out: string[] = [];
  for (const r of results) {
    const e = CEA_EFFECTS.find((x) => x.id === r.effect)!;
    const per = r.effect === 'jobs' ? 'extra cost per extra job' : 'extra cost per extra rupiah of local GDP';
    out.push(`Cost-effectiveness on ${e.label}: means over replicates; doing nothing costs 0 and adds 0`);
    out.push('');
    out.push(
      renderTable(
        [
          { header: 'design', align: 'left' },
          { header: 'total cost', align: 'right' },
          { header: e.label, align: 'right' },
          { header: 'on the efficiency frontier?', align: 'left', wrap: true },
          { header: per, align: 'right' },
        ],
        r.designs.map((d) => [d.design, d.cost === null ? NOT_AVAILABLE : reportRupiah(d.cost), effectText(r, d.effect), statusText(d), icerText(r, d)]),
      ),
    );
    if (r.acceptability.length) {
      const ids = Object.keys(r.acceptability[0].probability);
      out.push(`Acceptability: share of the ${r.draws} replicate${r.draws === 1 ? '' : 's'} (of ${replicates}) in which each option has the highest net benefit`);
      out.push(`(value × ${e.label} − cost), at a value of one ${r.effect === 'jobs' ? 'job' : 'rupiah of local GDP'} of:`);
      out.push('');
      out.push(
        renderTable(
          [{ header: 'value', align: 'right' }, ...ids.map((id) => ({ header: id === 'none' ? NOTHING : id, align: 'right' as const }))],
          r.acceptability.map((p) => [valueText(r, p.value), ...ids.map((id) => reportNumber(p.probability[id], 2))]),
        ),
      );
    }
  }
  out.push(
    'The frontier: designs no other design (or a mix of two) beats on both cost and effect, each with its',
    'extra cost per extra unit over the cheaper frontier option before it. The acceptability shares count',
    'replicates (random luck) only, not uncertainty in the model\'s assumptions (docs/metrics.md).',
  );
  return out.join('\n') + '\n';
}

/**
 * Tidy CSV rows in the compare CSV's columns, comparison `costEffectiveness`, statistic `mean` (every
 * figure is read from the means over replicates, and an acceptability share is the mean over replicates of
 * "this option is the best buy"): per effect and design whether it is on the frontier, dominated or
 * extendedly dominated (1/0) and its incremental cost per extra unit; per value of a unit, each option's share.
 */
export function* costEffectivenessCsvRows(results: readonly CeaResult[]): Generator<CsvValue[]> {
  for (const r of results) {
    for (const d of r.designs) {
      for (const status of ['frontier', 'dominated', 'extendedDominated'] as const) yield [d.design, 'costEffectiveness', `${r.effect}.${status}`, 'mean', d.status === status ? 1 : 0, 'indicator'];
      yield [d.design, 'costEffectiveness', `${r.effect}.icer`, 'mean', d.status === 'frontier' ? (d.icer ?? null) : null, r.valueUnit];
    }
    for (const p of r.acceptability) {
      for (const [id, share] of Object.entries(p.probability)) yield [id === 'none' ? NOTHING : id, 'costEffectiveness', `${r.effect}.acceptability.${p.value}`, 'mean', share, 'share of replicates'];
    }
  }
}
