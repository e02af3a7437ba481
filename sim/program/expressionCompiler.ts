// The targeting-expression compiler, reached through this module so that loading the simulation does not
// load mathjs (about 0.4 s of a command's start, and more on a busy machine): sim/program/expression.ts
// provides the compiler when it is imported, and code that has a scenario with an expression in hand
// awaits `loadExpressionCompiler()` first: the CLI and its worker threads, the web app (an imported file,
// a run in a page worker) and the tests load it only for a scenario that needs it.
import type { ExpressionVariable } from './expressionVariables.js';

export type TargetingScore = (vars: Record<ExpressionVariable, number>) => number;

let compiler: ((source: string) => TargetingScore) | undefined;

/** Called by expression.ts when it loads. */
export function provideExpressionCompiler(compile: (source: string) => TargetingScore): void {
  compiler = compile;
}

/**
 * Load mathjs and the sandboxed compiler (once): always, or, given a scenario or experiment document,
 * only when it may hold a targeting expression (any mention of "expression", as a rule, a field or a
 * parameter path; over-inclusive on purpose).
 */
export async function loadExpressionCompiler(doc?: unknown): Promise<void> {
  if (doc === undefined ? !compiler : expressionCompilerNeeded(doc)) await import('./expression.js');
}

/** Whether `doc` may hold a targeting expression and the compiler is not loaded yet (see above). */
export function expressionCompilerNeeded(doc: unknown): boolean {
  return !compiler && (JSON.stringify(doc) ?? '').includes('expression');
}

/**
 * Compile a targeting expression (throws an Error saying what is not allowed). The compiler must have
 * been loaded: by importing sim/program/expression.ts, or `await loadExpressionCompiler()`.
 */
export function compileExpression(source: string): TargetingScore {
  if (!compiler) throw new Error('the targeting-expression compiler is not loaded: await loadExpressionCompiler() before validating or running a scenario with an expression');
  return compiler(source);
}
