// Shares that must sum to 1 (sectors, owners' education): one rule for scenarios and region profiles.
import type { ScenarioProblem } from './problems.js';

interface EconomyShares {
  sectors?: readonly { share: number }[];
  educationShares?: readonly number[];
}

/** Problems with the economy's share lists, under `prefix` (e.g. "economy"); lists left out are not checked. */
export function shareSumProblems(economy: EconomyShares | undefined, prefix = 'economy'): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  if (economy?.sectors) {
    const sum = economy.sectors.reduce((a, x) => a + x.share, 0);
    if (Math.abs(sum - 1) > 1e-6) problems.push({ path: `${prefix}.sectors`, value: `shares summing to ${sum.toFixed(4)}`, expected: 'sector shares summing to 1' });
  }
  if (economy?.educationShares) {
    const sum = economy.educationShares.reduce((a, x) => a + x, 0);
    if (Math.abs(sum - 1) > 1e-6) problems.push({ path: `${prefix}.educationShares`, value: economy.educationShares, expected: 'four shares summing to 1' });
  }
  return problems;
}
