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

/** Parse JSON text, throwing an InputFileError that says where the syntax breaks (with a code frame). */
export function parseJsonText(text: string, file: string, what = 'scenario'): unknown {
  if (text.trim() === '') throw new InputFileError(file, `${file}: empty file (expected a JSON ${what} object)`);
  try {
    return parseJson(text);
  } catch (err) {
    if (err instanceof JSONError) {
      const first = err.message.split('\n')[0];
      const at = /(?: in JSON)? at position (\d+)/.exec(first);
      const frame = err.rawCodeFrame ? `\n${err.rawCodeFrame}` : '';
      if (!at) throw new InputFileError(file, `${file}: invalid JSON: ${first}${frame}`);
      const before = text.slice(0, Number(at[1])).split('\n');
      const where = `line ${before.length}, column ${before[before.length - 1].length + 1}`;
      throw new InputFileError(file, `${file}: invalid JSON at ${where}: ${first.replace(at[0], '')}${frame}`);
    }
    throw err;
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
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseJsonText(text, file, what);
}
