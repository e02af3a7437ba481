// `pendamping scenarios`: the shipped program designs, each with its file, its title and one line on what
// it does (the `title` and `summary` fields of the scenario files), in English or Indonesian. Reads the
// files as JSON only (no simulation, no schema), so it starts as fast as `--help`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { COMMANDS } from '../commandCatalog.js';
import type { Io } from '../io.js';
import { packageRoot } from '../packageRoot.js';
import { readJsonFile } from '../readJsonFile.js';

export type Lang = 'id' | 'en';

interface Labels {
  title?: Partial<Record<Lang, string>>;
  summary?: Partial<Record<Lang, string>>;
}

/** The designs in `dir` (scenarios/*.json but the schema files): file name, title and summary in `lang`. */
export async function scenariosListCommand(lang: Lang = 'en', dir = join(packageRoot(), 'scenarios')): Promise<string> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort();
  const rows = await Promise.all(
    files.map(async (f) => {
      const doc = (await readJsonFile(join(dir, f), 'scenario')) as Labels | null;
      const pick = (field: Labels['title']) => (field && typeof field === 'object' ? (field[lang] ?? field.en ?? field.id) : undefined);
      return { file: f, title: pick(doc?.title) ?? '(no title)', summary: pick(doc?.summary) };
    }),
  );
  const width = Math.max(...rows.map((r) => r.file.length));
  const lines = rows.flatMap((r) => [`${r.file.padEnd(width)}  ${r.title}`, ...(r.summary ? [`${' '.repeat(width)}  ${r.summary}`] : [])]);
  return lines.join('\n') + '\n';
}

export function registerScenarios(program: Command, io: Io): void {
  program
    .command('scenarios')
    .description(COMMANDS.scenarios.description)
    .addOption(new Option('--lang <lang>', 'language of titles and descriptions: en (English) or id (Bahasa Indonesia)').choices(['en', 'id']).default('en'))
    .addHelpText(
      'after',
      `
Each line pair: the file under scenarios/ (give it to run or compare), the design's title, and one line on
what it does. They come from the "title" and "summary" fields of the file, which label the design and
never change a result.

Example:
  pendamping scenarios --lang id`,
    )
    .action(async (opts: { lang: Lang }) => io.stdout(await scenariosListCommand(opts.lang)));
}
