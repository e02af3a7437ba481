// Read a JSON input file (a scenario, an experiment, a region profile): a missing file or bad JSON is an
// InputFileError naming the file, with the line and column of a syntax error. Light on purpose (no
// simulation code), so commands that only check files start fast.
import { readFile } from 'node:fs/promises';
import parseJson, { JSONError } from 'parse-json';
import { InputFileError } from './errors.js';

function readProblem(file: string, err: NodeJS.ErrnoException, what: string): string {
  switch (err.code) {
    case 'ENOENT':
      return `${file}: no such file`;
    case 'EISDIR':
      return `${file}: is a folder, not a ${what} file`;
    case 'EACCES':
    case 'EPERM':
      return `${file}: permission denied`;
    default:
      return `${file}: cannot read (${err.message})`;
  }
}

const tooDeep = (file: string, what: string) =>
  new InputFileError(file, `${file}: nested too deeply to read (objects or lists inside each other thousands of levels deep); a ${what} is a few levels deep`);

/** Parse JSON text, throwing an InputFileError that says where the syntax breaks (with a code frame). */
export function parseJsonText(text: string, file: string, what = 'scenario'): unknown {
  if (text.trim() === '') throw new InputFileError(file, `${file}: empty file (expected a JSON ${what} object)`);
  try {
    return parseJson(text);
  } catch (err) {
    if (err instanceof RangeError) throw tooDeep(file, what);
    if (err instanceof JSONError) {
      const first = err.message.split('\n')[0];
      const at = /(?: in JSON)? at position (\d+)/.exec(first);
      const frame = err.rawCodeFrame ? `\n${err.rawCodeFrame}` : '';
      let position: number;
      try {
        position = at ? Number(at[1]) : jsonErrorPosition(text);
      } catch (e) {
        // jsonErrorPosition descends recursively: thousands of levels overflow the stack.
        if (e instanceof RangeError) throw tooDeep(file, what);
        throw e;
      }
      if (position < 0) throw new InputFileError(file, `${file}: invalid JSON: ${first}${frame}`);
      const before = text.slice(0, position).split('\n');
      const where = `line ${before.length}, column ${before[before.length - 1].length + 1}`;
      throw new InputFileError(file, `${file}: invalid JSON at ${where}: ${at ? first.replace(at[0], '') : first}${frame}`);
    }
    throw err;
  }
}

/**
 * Where strict JSON text first goes wrong (an index into `text`), or -1 if it does not: a small
 * recursive-descent reader used only to place a syntax error when the parser's message gives no position
 * (NaN, comments, single quotes, trailing commas).
 */
export function jsonErrorPosition(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) if (text[i++] !== ch) return (i--, fail());
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) return (i += k, fail());
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m || m[0] === '' || m[0] === '-') fail();
    i += m![0].length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value();
        space();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') return void i++;
        fail();
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        space();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') return void i++;
        fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    fail();
  };
  try {
    value();
    space();
    return i < text.length ? i : -1;
  } catch (at) {
    if (typeof at === 'number') return Math.min(at, text.length);
    throw at;
  }
}

/** Read and parse a JSON file; `what` names the kind of file in messages ("scenario", "region profile"). */
export async function readJsonFile(file: string, what = 'scenario'): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputFileError(file, readProblem(file, err as NodeJS.ErrnoException, what));
  }
  return parseJsonFileText(text, file, what);
}

/**
 * The value in the text of a JSON input file read as UTF-8: a byte-order mark dropped, a UTF-16 file named
 * as such, a syntax error placed, nesting deeper than a file of this kind has refused (before anything
 * walks the value recursively). Each problem is an InputFileError naming the file.
 */
export function parseJsonFileText(text: string, file: string, what = 'scenario'): unknown {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // UTF-16 read as UTF-8 shows its byte-order mark as U+FFFD and a NUL after every ASCII character.
  if (text.charCodeAt(0) === 0xfffd || text.slice(0, 64).includes('\u0000')) {
    throw new InputFileError(file, `${file}: the file is not UTF-8 (it looks like UTF-16); save it as UTF-8 and try again`);
  }
  const value = parseJsonText(text, file, what);
  if (depthOf(value) > MAX_DEPTH) {
    throw new InputFileError(file, `${file}: nested more than ${MAX_DEPTH} levels deep (objects or lists inside each other); a ${what} is a few levels deep`);
  }
  return value;
}

/** Deeper than this, a file is not a scenario, experiment or profile (they are under ten levels deep). */
const MAX_DEPTH = 64;

/** How deeply objects and lists nest in a parsed JSON value (counted without recursion). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, d + 1);
    if (deepest > MAX_DEPTH) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return deepest;
}
