// JSON syntax errors name the file, line and column, also where the parser's own message has no position
// (NaN, comments, single quotes, trailing commas); a number too large to hold says so (issue 13).
import { describe, expect, it } from 'vitest';
import { jsonErrorPosition, parseJsonText } from '../../cli/readJsonFile.js';
import { describeProblem } from '../../sim/scenario/problems.js';

const where = (text: string) => {
  try {
    parseJsonText(text, 'x.json');
  } catch (e) {
    return /at (line \d+, column \d+)/.exec((e as Error).message)?.[1] ?? (e as Error).message;
  }
  return 'parsed';
};

describe('JSON syntax errors say where', () => {
  it.each([
    ['{"months": 6,\n  "name": NaN}', 'line 2, column 11'],
    ["{'months': 6}", 'line 1, column 2'],
    ['{"months": 6, // a comment\n}', 'line 1, column 15'],
    ['{"months": 6,}', 'line 1, column 14'],
    ['{"a": [1, 2, ]}', 'line 1, column 14'],
    ['{"a": 1}\n{"b": 2}', 'line 2, column 1'],
  ])('%j → %s', (text, expected) => {
    expect(where(text)).toBe(expected);
  });
  it('finds no error in valid JSON, and places the first one in broken strings and numbers', () => {
    expect(jsonErrorPosition('{"a": [1, -2.5e3, true, null, "x\\u00e9"]}')).toBe(-1);
    expect(jsonErrorPosition('{"a": 01}')).toBe(7);
    expect(jsonErrorPosition('{"a": "unterminated')).toBe(19);
  });
  it('a number that overflows is named as such', () => {
    expect(describeProblem({ path: 'months', value: Infinity, expected: 'a number' })).toBe(
      "months: found Infinity (a number too large to hold: the file's value overflows); expected a number",
    );
  });
});
