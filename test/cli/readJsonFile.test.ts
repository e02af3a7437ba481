// JSON syntax errors name the file, line and column, also where the parser's own message has no position
// (NaN, comments, single quotes, trailing commas); a number too large to hold says so (issue 13).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { loadBatchPlan } from '../../cli/batch/plan.js';
import { isInputError } from '../../cli/errors.js';
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
  it('deep nesting followed by a syntax error is named, not a stack overflow in placing the error (found by the fuzzer)', async () => {
    const deep = '{"a":'.repeat(20_000) + '0' + '}'.repeat(20_000);
    expect(await messageOf('deep-broken.json', `{"x": ${deep}, "y": Infinity}`)).toMatch(/deep-broken\.json: nested too deeply to read/);
  });
  it('a value nested too deeply to show is described, not a stack overflow (found by the fuzzer)', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(describeProblem({ path: 'months', value: deep, expected: 'a number' })).toBe('months: found (objects or lists nested too deeply to show); expected a number');
  });
  it('an experiment and its base scenarios are read like scenario files: UTF-16 and deep nesting named (found by the fuzzer)', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    writeFileSync(join(dir, 'small.json'), JSON.stringify({ name: 'small', months: 2, economy: { businesses: 10 } }));
    writeFileSync(join(dir, 'deep-base.json'), `{"name": "deep", "months": ${deep}}`);
    const planError = async (name: string, experiment: Buffer | string) => {
      writeFileSync(join(dir, name), experiment);
      try {
        await loadBatchPlan(join(dir, name));
      } catch (e) {
        expect(isInputError(e)).toBe(true);
        return (e as Error).message;
      }
      return 'planned';
    };
    const experiment = (extra: object) => JSON.stringify({ name: 'e', base: 'small.json', ...extra });
    expect(await planError('ok.json', experiment({}))).toBe('planned');
    expect(await planError('deep.json', `{"name": "e", "base": "small.json", "replicates": ${deep}}`)).toMatch(/deep\.json: nested more than 64 levels deep/);
    expect(await planError('deep-base-exp.json', experiment({ base: 'deep-base.json' }))).toMatch(/deep-base\.json: nested more than 64 levels deep/);
    expect(await planError('u16-exp.json', Buffer.from('\ufeff' + experiment({}), 'utf16le'))).toMatch(/u16-exp\.json: the file is not UTF-8 \(it looks like UTF-16\)/);
    expect(await planError('empty-exp.json', ' ')).toMatch(/empty-exp\.json: empty file \(expected a JSON experiment object\)/);
  });
  it('a parameter path through __proto__ or constructor is not a scenario field', () => {
    for (const path of ['__proto__.polluted', 'constructor.name', 'economy.__proto__', 'economy.hasOwnProperty']) {
      expect(scenarioField(path), path).toHaveProperty('problem');
    }
    expect(scenarioField('economy.businesses')).not.toHaveProperty('problem');
  });
});
