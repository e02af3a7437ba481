// What is recorded, declared apart from the model: the runner evaluates each metric over each group of
// businesses (or once for the whole economy) after every month. The model never knows what is recorded.
import { Flow, SECTOR_COUNT, Sector } from '../ledger/accounts.js';
import { CAPACITY_COUNT, type Economy } from '../state/economy.js';
import { gini, giniOfSorted } from '../stats/gini.js';

export type GroupName = 'participants' | 'nonParticipants' | 'all';
export const BUSINESS_GROUPS: readonly GroupName[] = ['participants', 'nonParticipants', 'all'];

export interface BusinessMetric {
  id: string;
  unit: string;
  description: string;
  /** Value over the member ids (initial and entrant businesses alike; closed ones included). */
  compute: (e: Economy, members: Int32Array) => number;
}

export interface EconomyMetric {
  id: string;
  unit: string;
  description: string;
  compute: (e: Economy) => number;
}

const perMember = (members: Int32Array, f: (id: number) => number) => {
  if (members.length === 0) return 0;
  let sum = 0;
  for (const id of members) sum += f(id);
  return sum / members.length;
};
const sumOver = (members: Int32Array, f: (id: number) => number) => {
  let sum = 0;
  for (const id of members) sum += f(id);
  return sum;
};
const shareOfOpen = (e: Economy, members: Int32Array, f: (id: number) => number) => {
  let open = 0, yes = 0;
  for (const id of members) if (e.b.open[id]) { open++; yes += f(id); }
  return open === 0 ? 0 : yes / open;
};
/**
 * Derived lists several metrics of one group need in the same month (a group's member array is new each
 * month, so the cache lives exactly as long as the month's recording).
 */
interface GroupCache {
  women?: Int32Array;
  men?: Int32Array;
  /** Profit per member (closed = 0), sorted. */
  sortedProfit?: Float64Array;
  /** Turnover of open members, sorted. */
  sortedOpenTurnover?: Float64Array;
}
const caches = new WeakMap<Int32Array, GroupCache>();
const cacheOf = (m: Int32Array) => {
  let c = caches.get(m);
  if (!c) caches.set(m, (c = {}));
  return c;
};
const women = (e: Economy, m: Int32Array) => (cacheOf(m).women ??= m.filter((id) => e.b.female[id] === 1));
const men = (e: Economy, m: Int32Array) => (cacheOf(m).men ??= m.filter((id) => e.b.female[id] === 0));
const sortedProfit = (e: Economy, m: Int32Array) => (cacheOf(m).sortedProfit ??= Float64Array.from(m, (id) => (e.b.open[id] ? e.b.profit[id] : 0)).sort());
const sortedOpenTurnover = (e: Economy, m: Int32Array) =>
  (cacheOf(m).sortedOpenTurnover ??= Float64Array.from(m.filter((id) => e.b.open[id] === 1), (id) => e.b.turnover[id]).sort());
/** Quantile q (0..1) of sorted values (nearest rank); 0 for none. */
const quantile = (sorted: Float64Array, q: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
const survival = (e: Economy, m: Int32Array) => (m.length ? sumOver(m, (id) => e.b.open[id]) / m.length : 0);
const turnover = (e: Economy, m: Int32Array) => perMember(m, (id) => (e.b.open[id] ? e.b.turnover[id] : 0));
const profit = (e: Economy, m: Int32Array) => perMember(m, (id) => (e.b.open[id] ? e.b.profit[id] : 0));
const workersOf = (e: Economy, id: number) => 1 + e.b.familyWorkers[id] + e.b.employees[id];
const jobs = (e: Economy, m: Int32Array) => sumOver(m, (id) => (e.b.open[id] ? workersOf(e, id) : 0));
const valueAdded = (e: Economy, m: Int32Array) =>
  sumOver(m, (id) => (e.b.open[id] ? e.b.turnover[id] - e.b.inputsLocal[id] - e.b.inputsImported[id] - e.b.overheads[id] : 0));

// Means "per business" count a closed business as zero (intention to treat): comparing the same
// businesses across the program and counterfactual runs then needs no survivor correction.
export const BUSINESS_METRICS: readonly BusinessMetric[] = [
  { id: 'businesses', unit: 'businesses', description: 'businesses in the group (open or closed)', compute: (_e, m) => m.length },
  { id: 'survival', unit: 'share', description: 'share of the group still open', compute: survival },
  { id: 'turnover', unit: 'rupiah/month per business', description: 'monthly sales revenue (omzet)', compute: turnover },
  { id: 'profit', unit: 'rupiah/month per business', description: 'monthly profit after materials, overheads, wages, taxes and interest', compute: profit },
  { id: 'customers', unit: 'customers per business', description: 'paying local households plus outside buyers at the local ticket', compute: (e, m) => perMember(m, (id) => (e.b.open[id] ? e.b.customers[id] : 0)) },
  { id: 'production', unit: 'rupiah/month per business at start prices', description: 'output volume valued at each business\'s start price', compute: (e, m) => perMember(m, (id) => (e.b.open[id] ? e.b.production[id] * e.b.priceStart[id] : 0)) },
  { id: 'digitalAdoption', unit: 'share of open', description: 'businesses with a digital sales channel', compute: (e, m) => shareOfOpen(e, m, (id) => e.b.digitalChannel[id]) },
  { id: 'bookkeepingAdoption', unit: 'share of open', description: 'businesses keeping written books', compute: (e, m) => shareOfOpen(e, m, (id) => e.b.keepsBooks[id]) },
  { id: 'separatedMoney', unit: 'share of open', description: 'businesses separating household and business money', compute: (e, m) => shareOfOpen(e, m, (id) => e.b.separatesMoney[id]) },
  { id: 'jobs', unit: 'workers', description: 'owners, unpaid family and paid workers in open businesses of the group', compute: jobs },
  { id: 'workersPerBusiness', unit: 'workers per open business', description: 'owner, unpaid family and paid workers (I2)', compute: (e, m) => { let open = 0, w = 0; for (const id of m) if (e.b.open[id]) { open++; w += workersOf(e, id); } return open ? w / open : 0; } },
  { id: 'localRawMaterialDemand', unit: 'rupiah/month', description: 'raw materials bought from local suppliers by the group', compute: (e, m) => sumOver(m, (id) => (e.b.open[id] ? e.b.inputsLocal[id] : 0)) },
  { id: 'localInputShare', unit: 'share', description: 'local share of the group\'s raw-material purchases', compute: (e, m) => { let l = 0, t = 0; for (const id of m) if (e.b.open[id]) { l += e.b.inputsLocal[id]; t += e.b.inputsLocal[id] + e.b.inputsImported[id]; } return t > 0 ? l / t : 0; } },
  { id: 'valueAdded', unit: 'rupiah/month', description: 'turnover less raw materials and overheads bought, summed over the group', compute: valueAdded },
  { id: 'capacity', unit: 'index 0..1', description: 'mean of the six capacities over open businesses', compute: (e, m) => shareOfOpen(e, m, (id) => { let s = 0; for (let k = 0; k < CAPACITY_COUNT; k++) s += e.b.capacity[id * CAPACITY_COUNT + k]; return s / CAPACITY_COUNT; }) },
  { id: 'womenTurnover', unit: 'rupiah/month per business', description: 'turnover of women-owned businesses', compute: (e, m) => turnover(e, women(e, m)) },
  { id: 'womenProfit', unit: 'rupiah/month per business', description: 'profit of women-owned businesses', compute: (e, m) => profit(e, women(e, m)) },
  { id: 'womenOwned', unit: 'share of open', description: 'businesses owned by women', compute: (e, m) => shareOfOpen(e, m, (id) => e.b.female[id]) },
  { id: 'menProfit', unit: 'rupiah/month per business', description: 'profit of men-owned businesses', compute: (e, m) => profit(e, men(e, m)) },
  { id: 'menTurnover', unit: 'rupiah/month per business', description: 'turnover of men-owned businesses', compute: (e, m) => turnover(e, men(e, m)) },
  { id: 'profitMedian', unit: 'rupiah/month', description: 'median profit of the group (closed businesses count as 0)', compute: (e, m) => quantile(sortedProfit(e, m), 0.5) },
  { id: 'profitP90', unit: 'rupiah/month', description: '90th percentile of profit in the group (closed businesses count as 0)', compute: (e, m) => quantile(sortedProfit(e, m), 0.9) },
  { id: 'turnoverMedian', unit: 'rupiah/month', description: 'median turnover of open businesses', compute: (e, m) => quantile(sortedOpenTurnover(e, m), 0.5) },
  { id: 'outsideSales', unit: 'rupiah/month', description: 'sales to buyers from outside the area, summed over the group', compute: (e, m) => sumOver(m, (id) => (e.b.open[id] ? e.b.outsideSales[id] : 0)) },
  { id: 'turnoverTotal', unit: 'rupiah/month', description: 'turnover summed over the group', compute: (e, m) => sumOver(m, (id) => (e.b.open[id] ? e.b.turnover[id] : 0)) },
  { id: 'valueAddedPerWorker', unit: 'rupiah/month per worker', description: 'value added per worker over the open businesses of the group (labour productivity)', compute: (e, m) => { let va = 0, w = 0; for (const id of m) if (e.b.open[id]) { va += e.b.turnover[id] - e.b.inputsLocal[id] - e.b.inputsImported[id] - e.b.overheads[id]; w += workersOf(e, id); } return w ? va / w : 0; } },
  { id: 'valueAddedPerWorkerSd', unit: 'rupiah/month per worker', description: 'standard deviation across open businesses of value added per worker', compute: (e, m) => { const xs: number[] = []; for (const id of m) if (e.b.open[id]) xs.push((e.b.turnover[id] - e.b.inputsLocal[id] - e.b.inputsImported[id] - e.b.overheads[id]) / workersOf(e, id)); if (xs.length < 2) return 0; const mu = xs.reduce((a, x) => a + x, 0) / xs.length; return Math.sqrt(xs.reduce((a, x) => a + (x - mu) ** 2, 0) / (xs.length - 1)); } },
  { id: 'microSized', unit: 'share of open', description: 'businesses within the micro class: at most 4 workers (I2) and annual turnover at most Rp 2 billion (I3)', compute: (e, m) => shareOfOpen(e, m, (id) => (workersOf(e, id) <= 4 && e.b.turnover[id] * 12 <= 2e9 ? 1 : 0)) },
  { id: 'womenSurvival', unit: 'share', description: 'share of women-owned businesses still open', compute: (e, m) => survival(e, women(e, m)) },
  { id: 'turnoverGini', unit: 'Gini 0..1', description: 'inequality of turnover among open businesses', compute: (e, m) => giniOfSorted(sortedOpenTurnover(e, m)) },
  { id: 'networkDegree', unit: 'ties per open business', description: 'mean number of ties to other businesses (informal and forum)', compute: (e, m) => shareOfOpen(e, m, (id) => e.tieCounts[id]) },
  { id: 'forumMembership', unit: 'share of open', description: 'businesses in a business forum', compute: (e, m) => shareOfOpen(e, m, (id) => (e.b.forum[id] >= 0 ? 1 : 0)) },
];

const local = (s: number) => s <= Sector.suppliers;

export const ECONOMY_METRICS: readonly EconomyMetric[] = [
  {
    id: 'localIncome', unit: 'rupiah/month',
    description: 'local value added: businesses (turnover less bought inputs and overheads), suppliers (sales less imports), and program services bought locally',
    compute: (e) => {
      const f = e.ledger.monthFlows;
      const S = SECTOR_COUNT;
      const biz = valueAdded(e, allIds(e));
      const supplierSales = f[Flow.localInputs * S + Sector.suppliers];
      const supplierImports = -f[Flow.supplierImports * S + Sector.suppliers];
      const services = f[Flow.programLocalSpending * S + Sector.households];
      return biz + supplierSales - supplierImports + services;
    },
  },
  {
    id: 'totalJobs', unit: 'workers',
    description: 'jobs in micro-businesses (owners, unpaid family and paid workers) plus jobs sustained at local suppliers',
    compute: (e) => jobs(e, allIds(e)) + supplierJobs(e),
  },
  { id: 'supplierJobs', unit: 'workers', description: 'jobs sustained at local raw-material suppliers', compute: (e) => supplierJobs(e) },
  {
    id: 'localMoney', unit: 'rupiah', description: 'money held by local businesses, households and suppliers',
    compute: (e) => { let m = 0; const L = e.ledger; for (let i = 0; i < L.money.length; i++) if (local(L.sectorOf[i])) m += L.money[i]; return m; },
  },
  { id: 'householdIncome', unit: 'rupiah/month per household', description: 'mean household income (wages, profits, supplier payouts, transfers, outside income)', compute: (e) => { let s = 0; for (let i = 0; i < e.h.count; i++) s += e.h.incomeLast[i]; return s / e.h.count; } },
  { id: 'householdIncomeGini', unit: 'Gini 0..1', description: 'inequality of household income', compute: (e) => gini(e.h.incomeLast) },
  { id: 'programSpending', unit: 'rupiah (cumulative)', description: 'program money spent so far', compute: (e) => e.program.spent },
  { id: 'entryBlocked', unit: 'businesses (cumulative)', description: 'entrants turned away because all slots were used', compute: (e) => e.entryBlocked },
];

function supplierJobs(e: Economy): number {
  let sales = 0;
  for (let j = 0; j < e.s.count; j++) sales += e.s.sales[j];
  return sales / e.scenario.suppliers.salesPerJobRupiahPerMonth;
}

const allCache = new WeakMap<Economy, { used: number; ids: Int32Array }>();
/** Ids of every business that exists or existed. */
export function allIds(e: Economy): Int32Array {
  const hit = allCache.get(e);
  if (hit && hit.used === e.b.used) return hit.ids;
  const ids = Int32Array.from({ length: e.b.used }, (_, i) => i);
  allCache.set(e, { used: e.b.used, ids });
  return ids;
}

/** Members of a business group. */
export function groupMembers(e: Economy, group: GroupName): Int32Array {
  const all = allIds(e);
  if (group === 'all') return all;
  const want = group === 'participants' ? 1 : 0;
  return all.filter((id) => e.b.participant[id] === want);
}
