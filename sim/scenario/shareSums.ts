// Shares that must sum to 1 (sectors, owners' education): one rule for scenarios and region profiles.
import type { ScenarioProblem } from './problems.js';

interface EconomyShares {
  sectors?: readonly { share: number; inputCostShare?: number; overheadShare?: number }[];
  educationShares?: readonly number[];
}

/** Problems with the economy's share lists, under `prefix` (e.g. "economy"); lists left out are not checked. */
export function shareSumProblems(economy: EconomyShares | undefined, prefix = 'economy'): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  if (economy?.sectors) {
    const sum = economy.sectors.reduce((a, x) => a + x.share, 0);
    if (Math.abs(sum - 1) > 1e-6) problems.push({ path: `${prefix}.sectors`, value: `shares summing to ${sum.toFixed(4)}`, expected: 'sector shares summing to 1' });
    // A sector whose raw materials and overheads take all of its sales has no value added to pay its
    // owner and workers: its businesses cannot start (found by the fuzzer: the start's outside sales then
    // grew past the ledger's exact range).
    economy.sectors.forEach((k, i) => {
      if (k.inputCostShare !== undefined && k.overheadShare !== undefined && !(k.inputCostShare + k.overheadShare < 1)) {
        problems.push({
          path: `${prefix}.sectors[${i}].overheadShare`, value: k.overheadShare,
          expected: `inputCostShare (${k.inputCostShare}) plus overheadShare below 1, leaving part of the sales as value added for the owner and workers`,
        });
      }
    });
  }
  if (economy?.educationShares) {
    const sum = economy.educationShares.reduce((a, x) => a + x, 0);
    if (Math.abs(sum - 1) > 1e-6) problems.push({ path: `${prefix}.educationShares`, value: economy.educationShares, expected: 'four shares summing to 1' });
  }
  return problems;
}
