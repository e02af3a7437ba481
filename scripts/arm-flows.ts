// Where a program's money went: both arms of a scenario over several seeds, and the mean difference
// (program minus counterfactual) of every whole-run ledger flow (kind:sector, net), of each sector's money
// at the end and of local GDP over the horizon; then month by month the gaps in local GDP, the consumer
// price index, the unemployment rate and the wage index. docs/wip/README.md item 16 reads it.
// `npx tsx scripts/arm-flows.ts [scenario] [seeds]`.
import { readFileSync } from 'node:fs';
import { parseScenario } from '../sim/index.js';
import { startRun } from '../sim/run/engine.js';
import { FLOW_NAMES, SECTOR_NAMES, SECTOR_COUNT } from '../sim/ledger/accounts.js';
import { localGdp } from '../sim/metrics/localGdp.js';

const file = process.argv[2] ?? 'scenarios/rural-cash-transfer.json';
const seeds = Number(process.argv[3] ?? 3);
const scenario = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
const F = FLOW_NAMES.length, S = SECTOR_COUNT, T = scenario.months;
const flows = new Float64Array(F * S);
const money = new Float64Array(S);
const gdp = new Float64Array(T), cpi = new Float64Array(T), unemployment = new Float64Array(T), wage = new Float64Array(T);
const rate = (e: { labour: { unemployed: number; labourForce: number } }) => (e.labour.labourForce > 0 ? e.labour.unemployed / e.labour.labourForce : 0);
for (let seed = 1; seed <= seeds; seed++) {
  const run = startRun(scenario, { seed, arms: 'both', metrics: 'none' });
  while (run.step()) {
    const t = run.month - 1, a = run.program, b = run.counterfactual!;
    gdp[t] += (localGdp(a) - localGdp(b)) / seeds;
    cpi[t] += (a.labour.consumerPriceIndex - b.labour.consumerPriceIndex) / seeds;
    unemployment[t] += (rate(a) - rate(b)) / seeds;
    wage[t] += (a.labour.wageIndex - b.labour.wageIndex) / seeds;
  }
  const a = run.program, b = run.counterfactual!;
  for (let i = 0; i < F * S; i++) flows[i] += (a.ledger.totalFlows[i] - b.ledger.totalFlows[i]) / seeds;
  for (let k = 0; k < a.ledger.money.length; k++) money[a.ledger.sectorOf[k]] += a.ledger.money[k] / seeds;
  for (let k = 0; k < b.ledger.money.length; k++) money[b.ledger.sectorOf[k]] -= b.ledger.money[k] / seeds;
}
const bn = (x: number) => (x / 1e9).toFixed(3);
console.log(`${file}, ${seeds} seeds: program minus counterfactual (billion rupiah)`);
console.log(`local GDP over the horizon: ${bn(gdp.reduce((s, x) => s + x, 0))}`);
console.log(`money at the end: ${SECTOR_NAMES.map((n, s) => `${n} ${bn(money[s])}`).join(', ')}`);
console.log('whole-run flows, kind:sector (payer negative), |difference| ≥ 0.01 billion:');
for (let k = 0; k < F; k++) for (let s = 0; s < S; s++) if (Math.abs(flows[k * S + s]) >= 1e7) console.log(`  ${`${FLOW_NAMES[k]}:${SECTOR_NAMES[s]}`.padEnd(36)}${bn(flows[k * S + s]).padStart(9)}`);
console.log(`largest gap in the consumer price index ${(100 * Math.max(...cpi)).toFixed(2)}%, in unemployment ${(100 * Math.min(...unemployment)).toFixed(2)} points`);
console.log('month  local GDP (m)  CPI (%)  unemployment (pp)  wage index (%)');
for (let t = 0; t < T; t++) console.log(`${String(t + 1).padStart(5)}${(gdp[t] / 1e6).toFixed(0).padStart(14)}${(100 * cpi[t]).toFixed(2).padStart(9)}${(100 * unemployment[t]).toFixed(2).padStart(19)}${(100 * wage[t]).toFixed(2).padStart(16)}`);
