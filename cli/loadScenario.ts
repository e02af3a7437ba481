// Read scenario files: a missing file or bad JSON is an InputFileError naming the file (and the line and
// column for JSON); a file that does not match the schema is the sim's ScenarioError, naming each field.
import { readFile } from 'node:fs/promises';
import { parseScenario, type Scenario } from '../sim/index.js';
import { InputFileError, InputFilesError } from './errors.js';
import parseJson, { JSONError } from 'parse-json';

function readProblem(file: string, err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT':
      return `${file}: no such file`;
    case 'EISDIR':
      return `${file}: is a folder, not a scenario file`;
    case 'EACCES':
    case 'EPERM':
      return `${file}: permission denied`;
    default:
      return `${file}: cannot read (${err.message})`;
  }
}

/** Parse JSON text, throwing an InputFileError that says where the syntax breaks (with a code frame). */
export function parseJsonText(text: string, file: string): unknown {
  if (text.trim() === '') throw new InputFileError(file, `${file}: empty file (expected a JSON scenario object)`);
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

export async function loadScenarioFile(file: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputFileError(file, readProblem(file, err as NodeJS.ErrnoException));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseScenario(parseJsonText(text, file), file);
}

/** Load every file before anything runs; if any is bad, report all of them at once. */
export async function loadScenarioFiles(files: readonly string[]): Promise<Scenario[]> {
  const settled = await Promise.allSettled(files.map((f) => loadScenarioFile(f)));
  const errors = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as Error] : []));
  if (errors.length > 0) throw new InputFilesError(errors);
  return settled.map((s) => (s as PromiseFulfilledResult<Scenario>).value);
}
