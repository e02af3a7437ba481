// Golden outputs: the SHA-256 of `run --format json` for every shipped scenario at seeds 1–3, of one
// `compare` (CSV) and of `validate --format json`, kept in test/golden/outputs.json. A refactor that must
// not change any model result checks against it (`npm run golden`, also run by CI); a change that alters
// results on purpose regenerates it (`npm run golden -- --update`) and says so in its commit.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../cli/commands/run.js';
import { compareCommand } from '../cli/commands/compare.js';
import { runValidation } from '../cli/commands/validate.js';
import { loadScenarioFile } from '../cli/loadScenario.js';
import { createLiveRun, followRupiah } from '../sim/index.js';

const root = join(import.meta.dirname, '..');
const store = join(root, 'test', 'golden', 'outputs.json');
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

async function outputs(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const dir = join(root, 'scenarios');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
  for (const f of files) {
    for (const seed of [1, 2, 3]) {
      out[`run ${f} --seed ${seed}`] = sha(await runCommand(join(dir, f), { seed, format: 'json' }));
    }
  }
  const compared = ['no-program.json', 'full-cycle.json', 'cash-transfer.json'].map((f) => join(dir, f));
  out['compare no-program full-cycle cash-transfer --replicates 3 --months 24'] = sha(await compareCommand(compared, { replicates: 3, months: 24, format: 'csv' }));
  // The classroom's live run (numbers, states and ties month by month) and follow-the-rupiah.
  const full = await loadScenarioFile(join(dir, 'full-cycle.json'));
  const live = createLiveRun({ ...full, months: 24 }, 2);
  const frames: unknown[] = [];
  while (live.step()) frames.push([live.numbers(), Array.from(live.states()), Array.from(live.states('counterfactual')), live.tieTotal(), Array.from(live.edges()).length]);
  out['live full-cycle --months 24 --seed 2'] = sha(JSON.stringify(frames));
  for (const business of ['local', 'outside'] as const) {
    out[`rupiah full-cycle ${business} --seed 1`] = sha(JSON.stringify(followRupiah(full, { seed: 1, business, amount: 100_000 })));
  }
  out['validate --replicates 3'] = sha(JSON.stringify(await runValidation({ replicates: 3 })));
  return out;
}

const update = process.argv.includes('--update');
const now = await outputs();
if (update) {
  mkdirSync(join(root, 'test', 'golden'), { recursive: true });
  writeFileSync(store, JSON.stringify(now, null, 2) + '\n');
  console.log(`golden: wrote ${Object.keys(now).length} hashes to test/golden/outputs.json`);
} else {
  const before: Record<string, string> = JSON.parse(readFileSync(store, 'utf8'));
  const keys = [...new Set([...Object.keys(before), ...Object.keys(now)])];
  const changed = keys.filter((k) => before[k] !== now[k]);
  for (const k of changed) console.error(`golden: ${k}: ${before[k] ? (now[k] ? 'output changed' : 'no longer produced') : 'new output'}`);
  if (changed.length > 0) {
    console.error(`golden: ${changed.length} of ${keys.length} outputs differ from test/golden/outputs.json (regenerate with npm run golden -- --update only when the change is on purpose)`);
    process.exit(1);
  }
  console.log(`golden: all ${keys.length} outputs byte-identical to test/golden/outputs.json`);
}
