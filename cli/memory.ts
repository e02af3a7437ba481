// A run the machine cannot hold is refused before it starts, with the estimate shown (issue 13: a
// schema-valid 2M businesses × 20 households × 12 shops once grew past 7 GB before anyone stopped it).
import { totalmem } from 'node:os';
import { estimateRunBytes } from '../sim/scenario/memory.js';
import { ScenarioError } from '../sim/scenario/problems.js';
import type { Scenario } from '../sim/scenario/schema.js';

export const MEMORY_ENV = 'PENDAMPING_MAX_MEMORY';

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** `8G`, `512m`, `2.5g`, `1000000000`: bytes, or undefined when the text is not a size. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(text);
  if (!m) return undefined;
  const bytes = Number(m[1]) * UNITS[m[2].toLowerCase()];
  return Number.isFinite(bytes) && bytes > 0 ? bytes : undefined;
}

/** The memory runs may use: PENDAMPING_MAX_MEMORY when set, else all this machine has. */
export function memoryLimitBytes(env: NodeJS.ProcessEnv = process.env): number {
  const set = env[MEMORY_ENV];
  if (set === undefined || set === '') return totalmem();
  const bytes = parseSize(set);
  if (bytes === undefined) throw new Error(`${MEMORY_ENV}=${set}: expected a size such as 8G, 512M or a number of bytes`);
  return bytes;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GiB` : `${Math.max(1, Math.round(bytes / 1024 ** 2))} MiB`;
}

/**
 * Throws a ScenarioError (exit 2) naming economy.businesses when `runsAtOnce` runs of the largest of
 * `scenarios` would need more than `limit` bytes. `sources[i]` names scenario i in the message.
 */
export function checkMemory(scenarios: readonly Scenario[], sources: readonly string[], runsAtOnce = 1, limit = memoryLimitBytes(), months?: number): void {
  let worst = -1;
  let need = 0;
  scenarios.forEach((s, i) => {
    const bytes = estimateRunBytes(s, months ?? s.months);
    if (bytes > need) { need = bytes; worst = i; }
  });
  if (worst < 0 || need * runsAtOnce <= limit) return;
  const s = scenarios[worst];
  const atOnce = runsAtOnce > 1 ? ` × ${runsAtOnce} runs at once = ${formatBytes(need * runsAtOnce)}` : '';
  throw new ScenarioError(sources[worst], [{
    path: 'economy.businesses',
    value: s.economy.businesses,
    expected:
      `a run this machine can hold: ${s.economy.businesses.toLocaleString('en-US')} businesses × ${s.economy.householdsPerBusiness} households × ${s.economy.shopsKnownPerHousehold} shops known ` +
      `over ${months ?? s.months} months need about ${formatBytes(need)}${atOnce}, above the limit of ${formatBytes(limit)} ` +
      `(fewer businesses, households or shops known${runsAtOnce > 1 ? ', or fewer workers' : ''}; the limit is this machine's memory unless ${MEMORY_ENV} sets it, e.g. ${MEMORY_ENV}=32G)`,
  }]);
}
