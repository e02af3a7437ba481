// The tidy long rows of results.csv: `run_id,design_point,replicate,seed,month,group,metric,value`, then
// one column per varied parameter (named by its scenario path) and `base`. Each run's file in OUT/runs
// holds exactly its lines of results.csv (no header), so assembling is concatenation in run_id order.
import { csvField, csvRow, type CsvValue } from '../format/csv.js';
import type { TaskRun } from './types.js';

export const RESULT_COLUMNS = ['run_id', 'design_point', 'replicate', 'seed', 'month', 'group', 'metric', 'value'] as const;

/** One recorded value of a run (what the experiment's `recordRows` returns, one per month, group and metric). */
export interface RecordedValue {
  month: number;
  group: string;
  metric: string;
  /** null when undefined in this run (a ratio with a zero denominator): an empty field. */
  value: number | null;
}

export const resultsHeader = (parameters: readonly string[]) => csvRow([...RESULT_COLUMNS, ...parameters, 'base']);

/** A design point's values of the varied parameters (empty where it sets none), then its base. */
export function pointValues(parameters: readonly string[], assignments: Readonly<Record<string, unknown>>, base: string): CsvValue[] {
  const fields: CsvValue[] = parameters.map((p) => {
    const v = assignments[p];
    return v === undefined || v === null ? null : typeof v === 'number' ? v : String(v);
  });
  return [...fields, base];
}

/** The CSV text after `value` for a design point: `,<param 1>,…,<param k>,<base>`. */
export const pointSuffix = (parameters: readonly string[], assignments: Readonly<Record<string, unknown>>, base: string) =>
  pointValues(parameters, assignments, base).map((f) => ',' + csvField(f)).join('');

/** The results.csv lines of one run. */
export function runLines(run: TaskRun, rows: readonly RecordedValue[], suffix: string): string {
  const head = `${run.runId},${run.point},${run.replicate},${run.seed},`;
  let text = '';
  for (const r of rows) text += `${head}${r.month},${csvField(r.group)},${csvField(r.metric)},${csvField(r.value)}${suffix}\n`;
  return text;
}

/** Split one CSV line into fields (RFC 4180 quoting; the line holds no line break). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error(`unterminated quote in CSV line: ${line.slice(0, 80)}`);
        s += line.slice(i, q);
        if (line[q + 1] === '"') {
          s += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(s);
    } else {
      const c = line.indexOf(',', i);
      out.push(line.slice(i, c < 0 ? line.length : c));
      i = c < 0 ? line.length : c;
    }
    if (i >= line.length) return out;
    i++; // the comma
    if (i === line.length) {
      out.push('');
      return out;
    }
  }
}

/** The recorded values in a run file's text (the inverse of `runLines`; an empty value reads as null). */
export function parseRunLines(text: string): RecordedValue[] {
  const rows: RecordedValue[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const f = splitCsvLine(line);
    rows.push({ month: Number(f[4]), group: f[5], metric: f[6], value: f[7] === '' ? null : Number(f[7]) });
  }
  return rows;
}
