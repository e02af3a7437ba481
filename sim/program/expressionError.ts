// A targeting expression that fails for a business during a run. Apart from expression.ts so that the
// CLI's error reporting can recognise it without loading mathjs.

/** Where a targeting expression lives in a scenario. */
export const EXPRESSION_PATH = 'program.targeting.expression';

/**
 * A targeting expression that passed validation but fails for a real business during a run: it names the
 * expression, the business's attribute values that made it fail and why. The CLI reports it as a problem
 * with the scenario file (exit 2).
 */
export class TargetingExpressionError extends Error {
  readonly path = EXPRESSION_PATH;
  constructor(
    readonly expression: string,
    /** The business's attributes the expression was given. */
    readonly values: Readonly<Record<string, number>>,
    /** What went wrong: "gave NaN", or mathjs's reason. */
    readonly reason: string,
  ) {
    super(`${EXPRESSION_PATH} "${expression}" ${reason} for a business with ${describeValues(values)}; expected a finite number or true/false for every business`);
    this.name = 'TargetingExpressionError';
  }

  /** As a problem with the scenario, for ScenarioError. */
  get expected(): string {
    return `an expression that gives a finite number or true/false for every business (it ${this.reason} for a business with ${describeValues(this.values)})`;
  }
}

function describeValues(values: Readonly<Record<string, number>>): string {
  return Object.entries(values).map(([k, v]) => `${k}=${Number.isInteger(v) ? v : Number(v.toPrecision(4))}`).join(', ');
}
