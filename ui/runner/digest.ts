// Reduce a run to what the comparison charts use (keeps worker messages and the run cache small).
import type { RunResult } from '../../sim/index.js';
import { CHARTED_SERIES } from './metrics.js';
import type { RunDigest } from './protocol.js';

export function digest(r: RunResult): RunDigest {
  const series: RunDigest['series'] = {};
  for (const m of CHARTED_SERIES) {
    series[`${m.group}.${m.metric}`] = { program: r.series.program[m.group][m.metric], counterfactual: r.series.counterfactual[m.group][m.metric] };
  }
  return { scenario: r.scenario, seed: r.seed, months: r.months, participants: r.program.participants, summary: r.summary, series };
}
