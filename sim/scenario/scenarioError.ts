// A problem with an input file, naming the field, the value found and what was expected. Apart from
// problems.ts (which turns zod's issues into these and loads the schema) so that the CLI's error
// reporting can recognise it without loading zod.

export interface ScenarioProblem {
  /** Dotted path of the field, e.g. `program.mentoring.visitsPerMonth`. */
  path: string;
  /** The value found there (undefined when the field is missing). */
  value: unknown;
  /** What was expected, in words. */
  expected: string;
}

export class ScenarioError extends Error {
  constructor(
    readonly source: string,
    readonly problems: ScenarioProblem[],
    /** What kind of file was invalid, for the message ("scenario", "experiment"). */
    readonly kind = 'scenario',
  ) {
    super(`${source}: invalid ${kind}\n` + problems.map((q) => `  - ${describeProblem(q)}`).join('\n'));
    this.name = 'ScenarioError';
  }
}

/** A value as JSON, cut to 80 characters; one nested too deeply for JSON.stringify's recursion is described instead. */
function shownValue(value: unknown): string | undefined {
  try {
    return JSON.stringify(value)?.slice(0, 80);
  } catch (e) {
    if (e instanceof RangeError) return '(objects or lists nested too deeply to show)';
    throw e;
  }
}

export function describeProblem(q: ScenarioProblem): string {
  const shown =
    q.value === undefined ? 'missing'
    : typeof q.value === 'number' && !Number.isFinite(q.value) ? `${q.value} (a number too large to hold: the file's value overflows)`
    : shownValue(q.value);
  return `${q.path || '(top level)'}: found ${shown}; expected ${q.expected}`;
}
