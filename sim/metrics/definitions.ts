// What is recorded, declared apart from the model: the runner evaluates each metric over each group of
// businesses (or once for the whole economy) after every month. The model never knows what is recorded.
import { isLocalSector } from '../ledger/accounts.js';
import { CAPACITY_COUNT, type Economy } from '../state/economy.js';
import type { BusinessComponents } from '../state/businesses.js';
import { gini, giniOfSorted } from '../stats/gini.js';
import { LOCAL_SECTORS_VALUE_ADDED, localGdp } from './localGdp.js';
import { GOVERNMENT_BLOCK } from '../state/localSectors.js';

/**
 * Business groups: participants; non-participants (initial businesses never enrolled, and every entrant);
 * the initial non-participants alone (entrants excluded: the same businesses in both runs, so their effect
 * is the program's spillover on the businesses that were there); all businesses.
 */
export type GroupName = 'participants' | 'nonParticipants' | 'initialNonParticipants' | 'all';
export const BUSINESS_GROUPS: readonly GroupName[] = ['participants', 'nonParticipants', 'initialNonParticipants', 'all'];

/** Business columns a metric may read (`tieCounts` is the economy's tie count per business). */
export type MetricColumn =
  | 'open' | 'female' | 'turnover' | 'profit' | 'customers' | 'production' | 'priceStart' | 'digitalChannel' | 'keepsBooks'
  | 'separatesMoney' | 'familyWorkers' | 'employees' | 'inputsLocal' | 'inputsImported' | 'overheads' | 'capacity'
  | 'outsideSales' | 'forum' | 'tieCounts';

/**
 * What a business metric may read: the business components and the tie counts. An Economy is one; the
 * counterfactual re-cut (sim/run/counterfactual.ts) builds one from copies of the declared columns.
 */
export interface BusinessView {
  readonly businesses: Readonly<BusinessComponents>;
  readonly tieCounts: Uint8Array;
}

export interface BusinessMetric {
  id: string;
  unit: string;
  description: string;
  /**
   * The columns `compute` reads, besides the member list: a group's values can then be computed later from
   * copies of just these columns (the counterfactual arm re-cut for another enrolment). A test holds each
   * metric to its list.
   */
  reads: readonly MetricColumn[];
  /** Value over the member ids (initial and entrant businesses alike; closed ones included). */
  compute: (e: BusinessView, members: Int32Array) => number;
}

export interface EconomyMetric {
  id: string;
  unit: string;
  description: string;
  compute: (e: Economy) => number;
}

type Column = Float64Array | Uint8Array;
// Column loops, one function per shape (no callback per business: these run for every group every month).
/** Sum over open members of col[id]. */
const sumOpen = (e: BusinessView, m: Int32Array, col: Column) => {
  const open = e.businesses.life.open;
  let sum = 0;
  for (let i = 0; i < m.length; i++) { const id = m[i]; if (open[id]) sum += col[id]; }
  return sum;
};
/** Mean over members (closed count as 0) of col[id]. */
const meanOpen = (e: BusinessView, m: Int32Array, col: Column) => (m.length ? sumOpen(e, m, col) / m.length : 0);
/** Mean over open members of col[id]. */
const shareOfOpen = (e: BusinessView, m: Int32Array, col: Column) => {
  const open = e.businesses.life.open;
  let n = 0, yes = 0;
  for (let i = 0; i < m.length; i++) { const id = m[i]; if (open[id]) { n++; yes += col[id]; } }
  return n === 0 ? 0 : yes / n;
};
/** Mean over open members of a per-business value. */
const meanOverOpen = (e: BusinessView, m: Int32Array, f: (e: BusinessView, id: number) => number) => {
  const open = e.businesses.life.open;
  let n = 0, sum = 0;
  for (let i = 0; i < m.length; i++) { const id = m[i]; if (open[id]) { n++; sum += f(e, id); } }
  return n === 0 ? 0 : sum / n;
};
/**
 * Derived lists several metrics of one group need in the same month. A member array can outlive its
 * month (`allIds` keeps one while no business has entered), so whoever records a month calls
 * `forgetMonth` on each member array once its metrics are computed: a cached list never carries over
 * into another month.
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
/** Drops the derived lists cached for a member array (call at the end of each month's recording). */
export function forgetMonth(m: Int32Array): void {
  caches.delete(m);
}
/** Members whose column `col` equals `value`, in member order. */
function membersWhere(m: Int32Array, col: Uint8Array, value: number): Int32Array {
  let n = 0;
  for (let i = 0; i < m.length; i++) if (col[m[i]] === value) n++;
  const out = new Int32Array(n);
  for (let i = 0, k = 0; i < m.length; i++) if (col[m[i]] === value) out[k++] = m[i];
  return out;
}
const women = (e: BusinessView, m: Int32Array) => (cacheOf(m).women ??= membersWhere(m, e.businesses.owner.female, 1));
const men = (e: BusinessView, m: Int32Array) => (cacheOf(m).men ??= membersWhere(m, e.businesses.owner.female, 0));
function sortedProfit(e: BusinessView, m: Int32Array): Float64Array {
  const c = cacheOf(m);
  if (c.sortedProfit) return c.sortedProfit;
  const out = new Float64Array(m.length);
  for (let i = 0; i < m.length; i++) out[i] = e.businesses.life.open[m[i]] ? e.businesses.flows.profit[m[i]] : 0;
  return (c.sortedProfit = out.sort());
}
function sortedOpenTurnover(e: BusinessView, m: Int32Array): Float64Array {
  const c = cacheOf(m);
  if (c.sortedOpenTurnover) return c.sortedOpenTurnover;
  const open = membersWhere(m, e.businesses.life.open, 1);
  const out = new Float64Array(open.length);
  for (let i = 0; i < open.length; i++) out[i] = e.businesses.flows.turnover[open[i]];
  return (c.sortedOpenTurnover = out.sort());
}
/** Quantile q (0..1) of sorted values (nearest rank); 0 for none. */
const quantile = (sorted: Float64Array, q: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
const survival = (e: BusinessView, m: Int32Array) => {
  let n = 0;
  for (let i = 0; i < m.length; i++) n += e.businesses.life.open[m[i]];
  return m.length ? n / m.length : 0;
};
const turnover = (e: BusinessView, m: Int32Array) => meanOpen(e, m, e.businesses.flows.turnover);
const profit = (e: BusinessView, m: Int32Array) => meanOpen(e, m, e.businesses.flows.profit);
const workersOf = (e: BusinessView, id: number) => 1 + e.businesses.workforce.familyWorkers[id] + e.businesses.workforce.employees[id];
const jobs = (e: BusinessView, m: Int32Array) => {
  const b = e.businesses;
  let sum = 0;
  for (let i = 0; i < m.length; i++) { const id = m[i]; if (b.life.open[id]) sum += 1 + b.workforce.familyWorkers[id] + b.workforce.employees[id]; }
  return sum;
};
const valueAddedOf = (e: BusinessView, id: number) => e.businesses.flows.turnover[id] - e.businesses.flows.inputsLocal[id] - e.businesses.flows.inputsImported[id] - e.businesses.flows.overheads[id];
const valueAdded = (e: BusinessView, m: Int32Array) => {
  let sum = 0;
  for (let i = 0; i < m.length; i++) { const id = m[i]; if (e.businesses.life.open[id]) sum += valueAddedOf(e, id); }
  return sum;
};
const production = (e: BusinessView, m: Int32Array) => {
  const b = e.businesses;
  let sum = 0;
  for (let i = 0; i < m.length; i++) { const id = m[i]; if (b.life.open[id]) sum += b.flows.production[id] * b.technology.priceStart[id]; }
  return m.length ? sum / m.length : 0;
};
const capacityOf = (e: BusinessView, id: number) => {
  let s = 0;
  for (let k = 0; k < CAPACITY_COUNT; k++) s += e.businesses.capacities.capacity[id * CAPACITY_COUNT + k];
  return s / CAPACITY_COUNT;
};

// Means "per business" count a closed business as zero (intention to treat): comparing the same
// businesses across the program and counterfactual runs then needs no survivor correction.
export const BUSINESS_METRICS: readonly BusinessMetric[] = [
  { id: 'businesses', reads: [], unit: 'businesses', description: 'businesses in the group (open or closed)', compute: (_e, m) => m.length },
  { id: 'survival', reads: ['open'], unit: 'share', description: 'share of the group still open', compute: survival },
  { id: 'turnover', reads: ['open', 'turnover'], unit: 'rupiah/month per business', description: 'monthly sales revenue (omzet)', compute: turnover },
  { id: 'profit', reads: ['open', 'profit'], unit: 'rupiah/month per business', description: 'monthly profit after materials, overheads, wages, taxes and interest', compute: profit },
  { id: 'customers', reads: ['open', 'customers'], unit: 'customers per business', description: 'paying local households plus outside buyers at the local ticket', compute: (e, m) => meanOpen(e, m, e.businesses.flows.customers) },
  { id: 'production', reads: ['open', 'production', 'priceStart'], unit: 'rupiah/month per business at start prices', description: 'output volume valued at each business\'s start price', compute: production },
  { id: 'digitalAdoption', reads: ['open', 'digitalChannel'], unit: 'share of open', description: 'businesses with a digital sales channel', compute: (e, m) => shareOfOpen(e, m, e.businesses.practices.digitalChannel) },
  { id: 'bookkeepingAdoption', reads: ['open', 'keepsBooks'], unit: 'share of open', description: 'businesses keeping written books', compute: (e, m) => shareOfOpen(e, m, e.businesses.practices.keepsBooks) },
  { id: 'separatedMoney', reads: ['open', 'separatesMoney'], unit: 'share of open', description: 'businesses separating household and business money', compute: (e, m) => shareOfOpen(e, m, e.businesses.practices.separatesMoney) },
  { id: 'jobs', reads: ['open', 'familyWorkers', 'employees'], unit: 'workers', description: 'owners, unpaid family and paid workers in open businesses of the group', compute: jobs },
  { id: 'workersPerBusiness', reads: ['open', 'familyWorkers', 'employees'], unit: 'workers per open business', description: 'owner, unpaid family and paid workers (I2)', compute: (e, m) => meanOverOpen(e, m, workersOf) },
  { id: 'localRawMaterialDemand', reads: ['open', 'inputsLocal'], unit: 'rupiah/month', description: 'raw materials bought from local suppliers by the group', compute: (e, m) => sumOpen(e, m, e.businesses.flows.inputsLocal) },
  { id: 'localInputShare', reads: ['open', 'inputsLocal', 'inputsImported'], unit: 'share', description: 'local share of the group\'s raw-material purchases', compute: (e, m) => { let l = 0, t = 0; for (const id of m) if (e.businesses.life.open[id]) { l += e.businesses.flows.inputsLocal[id]; t += e.businesses.flows.inputsLocal[id] + e.businesses.flows.inputsImported[id]; } return t > 0 ? l / t : 0; } },
  { id: 'valueAdded', reads: ['open', 'turnover', 'inputsLocal', 'inputsImported', 'overheads'], unit: 'rupiah/month', description: 'turnover less raw materials and overheads bought, summed over the group', compute: valueAdded },
  { id: 'capacity', reads: ['open', 'capacity'], unit: 'index 0..1', description: 'mean of the six capacities over open businesses', compute: (e, m) => meanOverOpen(e, m, capacityOf) },
  { id: 'womenTurnover', reads: ['female', 'open', 'turnover'], unit: 'rupiah/month per business', description: 'turnover of women-owned businesses', compute: (e, m) => turnover(e, women(e, m)) },
  { id: 'womenProfit', reads: ['female', 'open', 'profit'], unit: 'rupiah/month per business', description: 'profit of women-owned businesses', compute: (e, m) => profit(e, women(e, m)) },
  { id: 'womenOwned', reads: ['open', 'female'], unit: 'share of open', description: 'businesses owned by women', compute: (e, m) => shareOfOpen(e, m, e.businesses.owner.female) },
  { id: 'menProfit', reads: ['female', 'open', 'profit'], unit: 'rupiah/month per business', description: 'profit of men-owned businesses', compute: (e, m) => profit(e, men(e, m)) },
  { id: 'menTurnover', reads: ['female', 'open', 'turnover'], unit: 'rupiah/month per business', description: 'turnover of men-owned businesses', compute: (e, m) => turnover(e, men(e, m)) },
  { id: 'profitMedian', reads: ['open', 'profit'], unit: 'rupiah/month', description: 'median profit of the group (closed businesses count as 0)', compute: (e, m) => quantile(sortedProfit(e, m), 0.5) },
  { id: 'profitP90', reads: ['open', 'profit'], unit: 'rupiah/month', description: '90th percentile of profit in the group (closed businesses count as 0)', compute: (e, m) => quantile(sortedProfit(e, m), 0.9) },
  { id: 'turnoverMedian', reads: ['open', 'turnover'], unit: 'rupiah/month', description: 'median turnover of open businesses', compute: (e, m) => quantile(sortedOpenTurnover(e, m), 0.5) },
  { id: 'outsideSales', reads: ['open', 'outsideSales'], unit: 'rupiah/month', description: 'sales to buyers from outside the area, summed over the group', compute: (e, m) => sumOpen(e, m, e.businesses.flows.outsideSales) },
  { id: 'turnoverTotal', reads: ['open', 'turnover'], unit: 'rupiah/month', description: 'turnover summed over the group', compute: (e, m) => sumOpen(e, m, e.businesses.flows.turnover) },
  { id: 'valueAddedPerWorker', reads: ['open', 'turnover', 'inputsLocal', 'inputsImported', 'overheads', 'familyWorkers', 'employees'], unit: 'rupiah/month per worker', description: 'value added per worker over the open businesses of the group (labour productivity)', compute: (e, m) => { const w = jobs(e, m); return w ? valueAdded(e, m) / w : 0; } },
  { id: 'valueAddedPerWorkerSd', reads: ['open', 'turnover', 'inputsLocal', 'inputsImported', 'overheads', 'familyWorkers', 'employees'], unit: 'rupiah/month per worker', description: 'standard deviation across open businesses of value added per worker', compute: (e, m) => { const xs: number[] = []; for (const id of m) if (e.businesses.life.open[id]) xs.push(valueAddedOf(e, id) / workersOf(e, id)); if (xs.length < 2) return 0; const mu = xs.reduce((a, x) => a + x, 0) / xs.length; return Math.sqrt(xs.reduce((a, x) => a + (x - mu) * (x - mu), 0) / (xs.length - 1)); } },
  { id: 'microSized', reads: ['open', 'familyWorkers', 'employees', 'turnover'], unit: 'share of open', description: 'businesses within the micro class: at most 4 workers (I2) and annual turnover at most Rp 2 billion (I3)', compute: (e, m) => meanOverOpen(e, m, (e, id) => (workersOf(e, id) <= 4 && e.businesses.flows.turnover[id] * 12 <= 2e9 ? 1 : 0)) },
  { id: 'womenSurvival', reads: ['female', 'open'], unit: 'share', description: 'share of women-owned businesses still open', compute: (e, m) => survival(e, women(e, m)) },
  { id: 'turnoverGini', reads: ['open', 'turnover'], unit: 'Gini 0..1', description: 'inequality of turnover among open businesses', compute: (e, m) => giniOfSorted(sortedOpenTurnover(e, m)) },
  { id: 'networkDegree', reads: ['open', 'tieCounts'], unit: 'ties per open business', description: 'mean number of ties to other businesses (informal and forum)', compute: (e, m) => shareOfOpen(e, m, e.tieCounts) },
  { id: 'forumMembership', reads: ['open', 'forum'], unit: 'share of open', description: 'businesses in a business forum', compute: (e, m) => meanOverOpen(e, m, (e, id) => (e.businesses.membership.forum[id] >= 0 ? 1 : 0)) },
];

export const ECONOMY_METRICS: readonly EconomyMetric[] = [
  {
    id: 'localGdp', unit: 'rupiah/month',
    description: `local value added (GDP) of every local sector: ${LOCAL_SECTORS_VALUE_ADDED.map((s) => s.description).join('; ')}`,
    compute: localGdp,
  },
  {
    id: 'totalJobs', unit: 'workers',
    description: 'jobs in micro-businesses (owners, unpaid family and paid workers), jobs sustained at local suppliers, and workers in the sector blocks',
    compute: (e) => jobs(e, allIds(e)) + supplierJobs(e) + blockJobs(e),
  },
  { id: 'localSectorSales', unit: 'rupiah/month', description: 'what the sector blocks sold, to households, to each other and outside (local government excluded: its work is budgeted, not sold)', compute: (e) => blockSum(e, e.localSectors.sales) },
  { id: 'localSectorOutsideSales', unit: 'rupiah/month', description: 'what the sector blocks sold to buyers outside the area', compute: (e) => blockSum(e, e.localSectors.outsideSales) },
  { id: 'localSectorOutput', unit: 'rupiah/month at start prices', description: 'what the sector blocks produced, valued at start prices (real output; local government excluded)', compute: (e) => blockSum(e, e.localSectors.output) },
  { id: 'localSectorJobs', unit: 'workers', description: 'workers in the sector blocks (agriculture, trade and services, small and medium firms, local government)', compute: blockJobs },
  { id: 'unemploymentRate', unit: 'share of labour force', description: 'people available for paid work without it, over the labour force (paid workers, the unemployed, owners and family workers)', compute: (e) => (e.labour.labourForce > 0 ? e.labour.unemployed / e.labour.labourForce : 0) },
  { id: 'underemploymentRate', unit: 'share of block workers', description: 'block workers\' unused hours, as the share of them who would be underemployed if each worked half time', compute: (e) => e.labour.underemployment },
  { id: 'wageIndex', unit: 'index (start = 1)', description: 'the local wage relative to the start (the wage curve)', compute: (e) => e.labour.wageIndex },
  { id: 'consumerPriceIndex', unit: 'index (start = 1)', description: 'prices households pay, weighted by their spending at the start: micro-businesses, the sector blocks, imports (priced outside, 1)', compute: (e) => e.labour.consumerPriceIndex },
  { id: 'microPriceIndex', unit: 'index (start = 1)', description: 'micro-businesses\' prices: this month\'s sales at today\'s prices over the same sales at start prices', compute: (e) => e.labour.microPriceIndex },
  { id: 'agriculturePriceIndex', unit: 'index (start = 1)', description: 'price of local agriculture\'s output', compute: (e) => e.localSectors.price[0] },
  { id: 'tradeServicesPriceIndex', unit: 'index (start = 1)', description: 'price of local trade and services', compute: (e) => e.localSectors.price[1] },
  { id: 'smallMediumFirmsPriceIndex', unit: 'index (start = 1)', description: 'price of local small and medium firms\' output', compute: (e) => e.localSectors.price[2] },
  { id: 'supplierJobs', unit: 'workers', description: 'jobs sustained at local raw-material suppliers', compute: (e) => supplierJobs(e) },
  {
    id: 'localMoney', unit: 'rupiah', description: 'money held by local businesses, households and suppliers',
    compute: (e) => { let m = 0; const L = e.ledger; for (let i = 0; i < L.money.length; i++) if (isLocalSector(L.sectorOf[i])) m += L.money[i]; return m; },
  },
  {
    id: 'householdMoney', unit: 'rupiah', description: 'money held by all households (their savings kept in the area)',
    compute: (e) => { let m = 0; const money = e.ledger.money; for (let i = 0; i < e.households.count; i++) m += money[e.householdAccount0 + i]; return m; },
  },
  { id: 'householdIncome', unit: 'rupiah/month per household', description: 'mean household income (wages, profits, supplier payouts, transfers, outside income)', compute: (e) => { let s = 0; for (let i = 0; i < e.households.count; i++) s += e.households.incomeLast[i]; return s / e.households.count; } },
  { id: 'householdIncomeGini', unit: 'Gini 0..1', description: 'inequality of household income', compute: (e) => gini(e.households.incomeLast) },
  { id: 'programSpending', unit: 'rupiah (cumulative)', description: 'program money spent so far', compute: (e) => e.program.spent },
  { id: 'entryBlocked', unit: 'businesses (cumulative)', description: 'entrants turned away because all slots were used', compute: (e) => e.entryBlocked },
];

/** Sum over the sector blocks that sell (local government left out). */
function blockSum(e: Economy, col: Float64Array): number {
  if (!e.localSectors.active) return 0;
  let sum = 0;
  for (let k = 0; k < col.length; k++) if (k !== GOVERNMENT_BLOCK) sum += col[k];
  return sum;
}

function blockJobs(e: Economy): number {
  const ls = e.localSectors;
  if (!ls.active) return 0;
  let n = 0;
  for (let k = 0; k < ls.jobs.length; k++) n += ls.jobs[k];
  return n;
}

function supplierJobs(e: Economy): number {
  let sales = 0;
  for (let j = 0; j < e.suppliers.count; j++) sales += e.suppliers.sales[j];
  return sales / e.scenario.suppliers.salesPerJobRupiahPerMonth;
}

const allCache = new WeakMap<Economy, { used: number; ids: Int32Array }>();
/** Ids of every business that exists or existed. */
export function allIds(e: Economy): Int32Array {
  const hit = allCache.get(e);
  if (hit && hit.used === e.businesses.used) return hit.ids;
  const ids = new Int32Array(e.businesses.used);
  for (let i = 0; i < ids.length; i++) ids[i] = i;
  allCache.set(e, { used: e.businesses.used, ids });
  return ids;
}

/**
 * Members of a group given each business's enrolment (`enrolled[id]` = 1 for participants; ids past its
 * end count as not enrolled) among the `used` businesses that exist or existed, the first `initial` of
 * which were there at the start (entrants take later ids; a slot is never reused). In id order. The
 * counterfactual re-cut (sim/run/counterfactual.ts) cuts its groups with it too.
 */
export function membersOf(group: GroupName, enrolled: Uint8Array, used: number, initial: number): Int32Array {
  const end = group === 'initialNonParticipants' ? Math.min(used, initial) : used;
  const want = group === 'participants' ? 1 : 0;
  const keep = (id: number) => group === 'all' || (enrolled[id] ?? 0) === want;
  let n = 0;
  for (let id = 0; id < end; id++) if (keep(id)) n++;
  const out = new Int32Array(n);
  for (let id = 0, k = 0; id < end; id++) if (keep(id)) out[k++] = id;
  return out;
}

/** Members of a business group. */
export function groupMembers(e: Economy, group: GroupName): Int32Array {
  if (group === 'all') return allIds(e);
  return membersOf(group, e.businesses.membership.participant, e.businesses.used, e.scenario.economy.businesses);
}
