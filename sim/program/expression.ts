// User-written targeting expressions, compiled once with a sandboxed mathjs instance. Only arithmetic,
// comparisons, logic, the conditional operator, a short list of pure functions and the business's own
// attributes are allowed; anything else (assignment, function definition, property access, matrices,
// import/evaluate/parse) is refused before compilation, so a scenario file cannot run code.
import { create, all, type MathNode } from 'mathjs/number';
import { exp, log, pow } from '../math/elementary.js';
import { TargetingExpressionError } from './expressionError.js';
import { provideExpressionCompiler, type TargetingScore } from './expressionCompiler.js';
import { EXPRESSION_VARIABLES } from './expressionVariables.js';

export { EXPRESSION_PATH, TargetingExpressionError } from './expressionError.js';

export { EXPRESSION_VARIABLES, type ExpressionVariable } from './expressionVariables.js';

const ALLOWED_FUNCTIONS = new Set(['min', 'max', 'abs', 'sqrt', 'log', 'exp', 'pow', 'round', 'floor', 'ceil', 'not', 'and', 'or', 'xor']);
const ALLOWED_NODES = new Set(['ConstantNode', 'SymbolNode', 'OperatorNode', 'ParenthesisNode', 'ConditionalNode', 'FunctionNode']);
const VARIABLES = new Set<string>(EXPRESSION_VARIABLES);
const CONSTANTS = new Set(['pi', 'e', 'true', 'false']);

const math = create(all, {});
// exp, log, pow (and the ^ operator) are the simulation's own, so an expression gives the same bits in
// Node and in a browser (sim/math/elementary.ts).
math.import(
  {
    exp: (x: number) => exp(x),
    log: (x: number, base?: number) => (base === undefined ? log(x) : log(x) / log(base)),
    pow: (x: number, y: number) => pow(x, y),
  },
  { override: true },
);
// Keep the parser, then disable the functions that could reach it (or the instance) from inside an
// expression, in case a node slipped past the checks below.
const parse = math.parse;
const refuse = () => {
  throw new Error('function disabled in scenario expressions');
};
math.import(
  { import: refuse, createUnit: refuse, evaluate: refuse, parse: refuse, simplify: refuse, derivative: refuse, resolve: refuse, reviver: refuse },
  { override: true },
);

export type { TargetingScore } from './expressionCompiler.js';


/** Parse, check and compile; throws an Error whose message says what is not allowed. */
export function compileTargetingExpression(source: string): TargetingScore {
  let tree: MathNode;
  try {
    tree = parse(source);
  } catch (e) {
    throw new Error(`a valid expression (${(e as Error).message})`);
  }
  tree.traverse((node, _path, parent) => {
    if (!ALLOWED_NODES.has(node.type)) {
      throw new Error(`an expression using only arithmetic, comparisons and business attributes (found a ${node.type.replace('Node', '').toLowerCase()})`);
    }
    if (node.type === 'FunctionNode') {
      const name = (node as unknown as { fn: MathNode & { name?: string } }).fn.name;
      if (!name || !ALLOWED_FUNCTIONS.has(name)) {
        throw new Error(`only the functions ${[...ALLOWED_FUNCTIONS].join(', ')} (found "${name ?? '?'}")`);
      }
    }
    if (node.type === 'SymbolNode') {
      const name = (node as unknown as { name: string }).name;
      const isCallee = parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === node;
      if (!isCallee && !VARIABLES.has(name) && !CONSTANTS.has(name)) {
        throw new Error(`only the variables ${EXPRESSION_VARIABLES.join(', ')} (found "${name}")`);
      }
    }
  });
  let compiled: ReturnType<MathNode['compile']>;
  try {
    compiled = tree.compile();
  } catch (e) {
    throw new Error(`an expression mathjs can compile (${(e as Error).message})`);
  }
  // Try it on a few sample businesses now, so a call with the wrong arguments (max(), and(1), round with a
  // huge number of decimals) or an operator on the wrong kind of value is found at validation, named, not
  // in the middle of a run. Non-finite results are left to the run: they may come only with odd values.
  for (const sample of [0, 0.5, 1]) {
    try {
      compiled.evaluate(Object.fromEntries(EXPRESSION_VARIABLES.map((v) => [v, sample])));
    } catch (e) {
      throw new Error(`an expression that a business's attributes can be put into (with every attribute at ${sample} it fails: ${(e as Error).message})`);
    }
  }
  return (vars) => {
    let value: unknown;
    try {
      value = compiled.evaluate({ ...vars });
    } catch (e) {
      throw new TargetingExpressionError(source, vars, `fails (${(e as Error).message})`);
    }
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new TargetingExpressionError(source, vars, `gave ${typeof value === 'number' ? String(value) : `a ${typeof value}`}`);
    }
    return value;
  };
}

provideExpressionCompiler(compileTargetingExpression);
