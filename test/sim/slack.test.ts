// Slack against tight (issue 12, item 2): the same demand injection — 30% more outside demand for a year —
// raises local output and jobs more, and prices less, in an economy with idle capacity and unemployed
// people than in one running near capacity with few unemployed. Both are the default town economy but
// for the blocks' start utilisation and the unemployment rate.
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, type ScenarioInput } from '../../sim/index.js';
import { LOCAL_SECTORS } from '../../sim/scenario/schema.js';
import { meanOverMonths } from '../../sim/stats/summaries.js';

function economy(utilisation: number, unemploymentRate: number): ScenarioInput {
  const blocks = Object.fromEntries(LOCAL_SECTORS.filter((k) => k !== 'localGovernment').map((k) => [k, { startUtilisation: utilisation }]));
  return { months: 24, economy: { businesses: 300 }, localEconomy: { ...blocks, labour: { unemploymentRate } } };
}

/** Mean over months 4–15 (the shock) without a program, shocked minus not, in % of the unshocked run. */
function response(input: ScenarioInput, metric: string): number {
  const shock = { shocks: [{ kind: 'outsideDemand' as const, startMonth: 4, months: 12, size: 0.3 }] };
  let shocked = 0, calm = 0;
  for (const seed of [1, 2, 3]) {
    const a = runScenario(parseScenario({ ...input, ...shock }), { seed }).series.counterfactual.economy[metric];
    const b = runScenario(parseScenario(input), { seed }).series.counterfactual.economy[metric];
    shocked += meanOverMonths(a, 4, 15);
    calm += meanOverMonths(b, 4, 15);
  }
  return (100 * (shocked - calm)) / calm;
}

describe('the same injection in a slack and a tight economy', () => {
  const slack = economy(0.7, 0.1);
  const tight = economy(0.99, 0.01);
  const gdp = { slack: response(slack, 'localSectorOutput'), tight: response(tight, 'localSectorOutput') };
  const cpi = { slack: response(slack, 'consumerPriceIndex'), tight: response(tight, 'consumerPriceIndex') };
  const jobs = { slack: response(slack, 'totalJobs'), tight: response(tight, 'totalJobs') };
  const report = JSON.stringify({ gdp, cpi, jobs });

  it('raises real output of the sector blocks and jobs more under slack (a tight economy cannot produce more)', () => {
    expect(gdp.slack, report).toBeGreaterThan(5);
    expect(gdp.slack, report).toBeGreaterThan(gdp.tight + 5);
    expect(jobs.slack, report).toBeGreaterThan(jobs.tight);
  });

  it('raises prices more when tight: under slack by less than half as much', () => {
    expect(cpi.tight, report).toBeGreaterThan(1);
    expect(cpi.slack, report).toBeLessThan(cpi.tight / 2);
  });
});
