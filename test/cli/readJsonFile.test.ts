// JSON syntax errors name the file, line and column, also where the parser's own message has no position
// (NaN, comments, single quotes, trailing commas); a number too large to hold says so (issue 13).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { jsonErrorPosition, parseJsonText, readJsonFile } from '../../cli/readJsonFile.js';
import { scenarioField } from '../../sim/experiment/schema.js';
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

describe('files that are not what they should be get a message naming the file (issue 13)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pendamping-json-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const messageOf = async (name: string, bytes: Buffer | string) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    try {
      await readJsonFile(file);
    } catch (e) {
      return (e as Error).message;
    }
    return 'read';
  };
  it('UTF-16 (with or without its byte-order mark) is named, with what to do', async () => {
    expect(await messageOf('u16.json', Buffer.from('\ufeff{"months": 6}', 'utf16le'))).toMatch(/u16\.json: the file is not UTF-8 \(it looks like UTF-16\); save it as UTF-8/);
    expect(await messageOf('u16-nobom.json', Buffer.from('{"months": 6}', 'utf16le'))).toMatch(/not UTF-8/);
    expect(await messageOf('bom.json', '\ufeff{"months": 6}')).toBe('read');
  });
  it('nesting thousands of levels deep is named, not a stack overflow', async () => {
    expect(await messageOf('deep.json', '['.repeat(100_000) + ']'.repeat(100_000))).toMatch(/deep\.json: nested more than 64 levels deep/);
  });
  it('a parameter path through __proto__ or constructor is not a scenario field', () => {
    for (const path of ['__proto__.polluted', 'constructor.name', 'economy.__proto__', 'economy.hasOwnProperty']) {
      expect(scenarioField(path), path).toHaveProperty('problem');
    }
    expect(scenarioField('economy.businesses')).not.toHaveProperty('problem');
  });
});
