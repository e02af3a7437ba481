// compare's worker thread (compiled to dist/cli/compare/worker.js; piscina loads it once per thread): a task
// is a chunk of runs, each a design's scenario with a seed and, for a draw of the assumptions, that seed's
// draw of every parameter its file does not set — exactly what compareDesigns runs on the main thread — and
// the answer is each run's DESIGN_FIGURES and QUANTITIES values, in their order. Which thread runs a run
// never changes its values.
import { loadExpressionCompiler } from '../../sim/program/expressionCompiler.js';
import { runDesign, type CompareTask, type RunValues } from './runDesign.js';

export default async function runCompareChunk(task: CompareTask): Promise<RunValues[]> {
  // mathjs is loaded in a thread only when one of its scenarios targets by expression.
  if (Object.values(task.scenarios).some((s) => s.program.targeting.rule === 'expression')) await loadExpressionCompiler();
  return task.runs.map((run) => runDesign(task.scenarios[run.design], new Set(task.explicit[run.design]), run, task.months));
}
