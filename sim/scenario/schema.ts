// The scenario schema: every parameter of the model, its unit, its default and where the default comes
// from. Sources are cited by the ids of docs/calibration-targets.md (I1..I6, C1..C9, L1..L4) or marked
// "assumption"; docs/model.md lists each parameter with its source and the assumptions it rests on.
import * as z from 'zod';
import { CAPACITIES, LOCAL_SECTORS, type CapacityName, type LocalSectorName } from './names.js';

// Zod's default compiles a fast path for each object schema (with `new Function`) at its first parse. A
// scenario is parsed once per command, batch point or page run, so that compile is never paid back: the
// first parse of a scenario took 47–104 ms with it and 13–26 ms without (Node 20, a loaded 2-core machine),
// and later parses ~0.2 ms either way. Every schema in sim/ imports this module, so the setting holds for
// all of them; results and error messages are the same.
z.config({ jitless: true });

export { CAPACITIES, LOCAL_SECTORS, type CapacityName, type LocalSectorName };

/** Attach the unit and a one-line description; both flow into the exported JSON Schema. */
function p<T extends z.ZodType>(schema: T, unit: string, description: string): T {
  return schema.meta({ unit, description }) as T;
}
const share = (def: number, description: string) => p(z.number().min(0).max(1).default(def), 'share 0..1', description);
/**
 * The largest rupiah amount a field may hold: Rp 1 trillion, far beyond any quantity of a micro-business
 * economy, so that no single amount can break the ledger's whole-rupiah arithmetic (sums stay exact below
 * 2^53, about Rp 9.0 × 10^15). The economy's total over the horizon is bounded as well (sim/scenario/parse.ts).
 */
export const MAX_RUPIAH = 1e12;
/** The largest program budget: Rp 1,000 trillion (the horizon's total money is checked against 2^53 too). */
export const MAX_BUDGET_RUPIAH = 1e15;
const rupiah = (def: number, description: string) => p(z.number().min(0).max(MAX_RUPIAH).default(def), 'rupiah', description);
/**
 * A rupiah amount that must be at least Rp 1 (a price, a turnover: 0 would empty the economy, and a price
 * of a few times 1e-310 makes a business's output in units overflow to Infinity; the ledger pays whole rupiah).
 */
export const MIN_POSITIVE_RUPIAH = 1;
const positiveRupiah = (def: number, description: string) => p(z.number().min(MIN_POSITIVE_RUPIAH).max(MAX_RUPIAH).default(def), 'rupiah', description);
const rate = (def: number, unit: string, description: string) => p(z.number().min(0).default(def), unit, description);
const months = (def: number, description: string) => p(z.number().int().min(0).max(600).default(def), 'months', description);
const flag = (def: boolean, description: string) => p(z.boolean().default(def), 'on/off', description);


const perModule = (defs: Record<CapacityName, number>, unit: string, description: string) =>
  z
    .strictObject(Object.fromEntries(CAPACITIES.map((k) => [k, rate(defs[k], unit, `${description}: ${k}`)])) as Record<CapacityName, z.ZodDefault<z.ZodNumber>>)
    .prefault({});

const sectorSchema = z.strictObject({
  name: p(z.string().min(1), 'text', 'sector name'),
  share: share(0.2, 'share of businesses in this sector at the start'),
  priceRupiah: positiveRupiah(10_000, 'price of one unit of output'),
  inputCostShare: share(0.5, 'raw-material cost per unit as a share of price, before waste'),
  localInputShare: share(0.4, 'share of raw materials bought from local suppliers'),
  outsideSalesShare: share(0.15, 'share of sales to buyers from outside the area (visitors, traders, online)'),
  overheadShare: share(0.08, 'overheads (transport, packaging, utilities) as a share of turnover, bought outside'),
  revenuePerWorkerRupiah: positiveRupiah(4_500_000, 'monthly sales one worker can produce at start prices'),
});

const DEFAULT_SECTORS = [
  { name: 'food processing', share: 0.35, priceRupiah: 10_000, inputCostShare: 0.5, localInputShare: 0.45, outsideSalesShare: 0.15, overheadShare: 0.08, revenuePerWorkerRupiah: 4_500_000 },
  { name: 'retail stall', share: 0.3, priceRupiah: 8_000, inputCostShare: 0.72, localInputShare: 0.25, outsideSalesShare: 0.05, overheadShare: 0.05, revenuePerWorkerRupiah: 9_000_000 },
  { name: 'services', share: 0.15, priceRupiah: 25_000, inputCostShare: 0.2, localInputShare: 0.5, outsideSalesShare: 0.1, overheadShare: 0.12, revenuePerWorkerRupiah: 3_500_000 },
  { name: 'crafts', share: 0.1, priceRupiah: 40_000, inputCostShare: 0.4, localInputShare: 0.55, outsideSalesShare: 0.35, overheadShare: 0.08, revenuePerWorkerRupiah: 3_500_000 },
  { name: 'agro-processing', share: 0.1, priceRupiah: 15_000, inputCostShare: 0.55, localInputShare: 0.6, outsideSalesShare: 0.3, overheadShare: 0.08, revenuePerWorkerRupiah: 5_000_000 },
];

const economySchema = z
  .strictObject({
    businesses: p(z.number().int().min(1).max(2_000_000).default(500), 'businesses', 'micro-businesses at the start'),
    householdsPerBusiness: p(z.number().min(1).max(20).default(2), 'households per business', 'households in the local economy per micro-business (assumption; owners are among them)'),
    shopsKnownPerHousehold: p(z.number().int().min(1).max(12).default(4), 'shops', 'businesses each household knows and buys from'),
    meanTurnoverRupiahPerMonth: positiveRupiah(6_300_000, 'target mean monthly turnover at the start (I1: Rp 76.1 million a year)'),
    turnoverDispersion: p(z.number().min(0).max(3).default(1.0), 'log-sd', 'dispersion of business size, lognormal sigma (I1: strongly right-skewed)'),
    sectors: z.array(sectorSchema).min(1).max(20).default(DEFAULT_SECTORS),
    womenOwnedShare: share(0.645, 'share of businesses owned by women (I4)'),
    educationShares: p(
      z.array(z.number().min(0)).length(4).default([0.45, 0.25, 0.25, 0.05]),
      'shares',
      'owner education: primary or less, junior secondary, senior secondary, tertiary (assumption from BPS labour-force profiles of micro owners)',
    ),
    digitalConnectedShare: share(0.15, 'share of businesses with a digital sales channel at the start (I6: about 15% in 2020)'),
    bookkeepingShare: share(0.2, 'share keeping written books at the start (assumption)'),
    separatedMoneyShare: share(0.15, 'share separating household and business money at the start (assumption)'),
    womenTimeAvailable: share(0.38, 'mean share of program time women owners can attend (care work; calibrated to C7)'),
    menTimeAvailable: share(0.7, 'mean share of program time men owners can attend (assumption)'),
    familyWorkersMean: p(z.number().min(0).max(2).default(0.25), 'workers', 'unpaid family workers per business at the start (I2: 1.7 workers including owner and unpaid family)'),
    maxEmployeesAtStart: p(z.number().int().min(0).max(9).default(3), 'workers', 'paid workers besides the owner at most at the start (I2: micro = 1–4 workers)'),
    workingCapitalMonths: p(z.number().min(0).max(24).default(1.5), 'months of costs', 'cash each business holds at the start, in months of costs'),
    baselineTiesPerBusiness: p(z.number().int().min(0).max(20).default(2), 'ties', 'informal ties to other businesses at the start (information only)'),
  })
  .prefault({});

const householdSchema = z
  .strictObject({
    marginalPropensityToConsume: share(0.85, 'share of last month\'s income spent (assumption; Indonesian household saving rates)'),
    spendingFromSavings: share(0.05, 'share of money holdings spent each month on top of income'),
    transferSpendingPerMonth: p(
      z.number().gt(0).max(1).default(0.4),
      'share per month',
      'share of a cash transfer not yet spent that households count as income each month, from the month it arrives (spent at marginalPropensityToConsume): 0.4 spends two thirds of a payment in its month and the two after (households spent 50–90% of stimulus payments in the quarter of receipt, durables included: Parker, Souleles, Johnson & McClelland 2013, AER 103(6)); 1 counts it all in the month it arrives',
    ),
    localSpendingShare: share(0.5, 'share of consumption bought from local micro-businesses; the rest goes to the sector blocks (localEconomy.<block>.householdSpendingShare) or is imported (calibrated with suppliers.importShare to L1a and L2)'),
    savingsOutsideShare: share(0.3, 'share of each month\'s saving deposited outside the area (a leakage)'),
    outsideIncomeDispersion: p(z.number().min(0).max(3).default(0.6), 'log-sd', 'dispersion of income from outside the area (wages elsewhere, remittances, crop sales out, transfers), lognormal sigma; its mean is what the starting steady state leaves to outside sources (localEconomy.exogenousIncomeShare of household income when the sector blocks are on)'),
    adultsAvailableForWork: p(z.number().min(0).max(3).default(1.2), 'people', 'adults per household who would take a job at a micro-business at the start (micro-businesses staff up from them; the sector blocks\' workers and the unemployed come on top, localEconomy.labour)'),
    wageRupiahPerMonth: rupiah(1_500_000, 'monthly wage of a micro-business employee (assumption, below district minimum wages)'),
    shopSwitchingPerMonth: share(0.04, 'chance a household looks for a new shop in a month'),
    shopChoiceSensitivity: p(z.number().min(0).max(10).default(0.5), 'elasticity', "how strongly households' choice between two shops follows their pull relative to each shop's own start (prices, service, marketing): a better candidate replaces the household's weakest shop with probability 1 − (weakest ÷ candidate)^this (calibrated: C4, C8)"),
  })
  .prefault({});

const supplierSchema = z
  .strictObject({
    businessesPerSupplier: p(z.number().min(1).max(1000).default(10), 'businesses', 'micro-businesses per local raw-material supplier'),
    importShare: share(0.4, 'share of a supplier\'s sales spent on inputs from outside (fuel, fertiliser, seed, traded goods)'),
    farmProduceShare: share(0, 'share of a supplier\'s sales spent on farm produce from the local agriculture block (localEconomy.agriculture), paid as the block delivers it and bought outside where it cannot; importShare plus this at most 1, the rest being the supplier\'s own value added (0: all its purchases come from outside)'),
    salesPerJobRupiahPerMonth: positiveRupiah(3_000_000, 'supplier sales that sustain one job for a month (assumption)'),
  })
  .prefault({});


interface LocalSectorDefaults {
  gdpShare: number;
  valueAddedShare: number;
  wageShare: number;
  taxAndDepreciationShare: number;
  inputsFrom: Record<LocalSectorName, number>;
  householdSpendingShare: number;
  surplusLocalShare: number;
  ownerHouseholdShare: number;
  startUtilisation: number;
  scarcityPriceRise: number;
}

// Defaults: the `town` profile (Kota Salatiga; sources in scenarios/regions/town.json and docs/regions.md).
// Value added, wages, taxes with depreciation, and inputs per rupiah of output: Tabel Input-Output Jawa
// Tengah 2013 aggregated to four blocks, regionalised to the district by FLQ (docs/regions.md).
const LOCAL_SECTOR_DEFAULTS: Record<LocalSectorName, LocalSectorDefaults> = {
  agriculture: {
    gdpShare: 0.0615, valueAddedShare: 0.761, wageShare: 0.166, taxAndDepreciationShare: 0.027,
    inputsFrom: { agriculture: 0.004, tradeServices: 0.056, smallMediumFirms: 0.036, localGovernment: 0 },
    householdSpendingShare: 0.02, surplusLocalShare: 1, ownerHouseholdShare: 0.05, startUtilisation: 0.95, scarcityPriceRise: 0.1,
  },
  tradeServices: {
    gdpShare: 0.6287, valueAddedShare: 0.521, wageShare: 0.16, taxAndDepreciationShare: 0.093,
    inputsFrom: { agriculture: 0.001, tradeServices: 0.058, smallMediumFirms: 0.009, localGovernment: 0 },
    householdSpendingShare: 0.1, surplusLocalShare: 0.8, ownerHouseholdShare: 0.1, startUtilisation: 0.8, scarcityPriceRise: 0.1,
  },
  smallMediumFirms: {
    gdpShare: 0.2098, valueAddedShare: 0.353, wageShare: 0.088, taxAndDepreciationShare: 0.106,
    inputsFrom: { agriculture: 0.013, tradeServices: 0.052, smallMediumFirms: 0.028, localGovernment: 0 },
    householdSpendingShare: 0.03, surplusLocalShare: 0.5, ownerHouseholdShare: 0.02, startUtilisation: 0.8, scarcityPriceRise: 0.1,
  },
  localGovernment: {
    gdpShare: 0.1, valueAddedShare: 0.607, wageShare: 0.536, taxAndDepreciationShare: 0.071,
    inputsFrom: { agriculture: 0.001, tradeServices: 0.053, smallMediumFirms: 0.008, localGovernment: 0.001 },
    householdSpendingShare: 0, surplusLocalShare: 1, ownerHouseholdShare: 0, startUtilisation: 1, scarcityPriceRise: 0,
  },
};

const localSectorSchema = (name: LocalSectorName) => {
  const d = LOCAL_SECTOR_DEFAULTS[name];
  return z
    .strictObject({
      gdpShare: share(d.gdpShare, `${name}: share of the blocks' combined value added at the start (district GRDP shares, re-normalised over the four blocks)`),
      valueAddedShare: share(d.valueAddedShare, `${name}: value added per rupiah of output (input–output table)`),
      wageShare: share(d.wageShare, `${name}: wages per rupiah of output (input–output table)`),
      taxAndDepreciationShare: share(d.taxAndDepreciationShare, `${name}: net indirect taxes and depreciation per rupiah of output, paid outside (input–output table)`),
      inputsFrom: z
        .strictObject(Object.fromEntries(LOCAL_SECTORS.map((k) => [k, share(d.inputsFrom[k], `${name}: inputs bought from local ${k} per rupiah of output (regional input–output coefficient)`)])) as Record<LocalSectorName, z.ZodDefault<z.ZodNumber>>)
        .prefault({}),
      householdSpendingShare: share(d.householdSpendingShare, `${name}: share of household consumption bought from this block`),
      surplusLocalShare: share(d.surplusLocalShare, `${name}: share of the operating surplus that goes to local households (the rest to owners outside)`),
      ownerHouseholdShare: share(d.ownerHouseholdShare, `${name}: share of households that share the block's operating surplus (farm households for agriculture)`),
      startUtilisation: p(z.number().gt(0).max(1).default(d.startUtilisation), 'share 0..1', `${name}: output as a share of capacity at the start (idle capacity = 1 − this)`),
      scarcityPriceRise: share(d.scarcityPriceRise, `${name}: price rise over cost when demand reaches capacity (rising further beyond it)`),
    })
    .prefault({});
};

const labourSchema = z
  .strictObject({
    unemploymentRate: p(z.number().min(0).max(0.9).default(0.064), 'share 0..0.9', 'open unemployment as a share of the labour force at the start (Sakernas); at most 0.9, since the unemployed are counted from the employed'),
    underemploymentRate: share(0.055, 'share of the employed in the sector blocks working less than full time and wanting more at the start (Sakernas time-related underemployment)'),
    wageCurveElasticity: p(z.number().min(0).max(2).default(0.1), 'elasticity', 'how far the local wage falls when unused labour doubles (the wage curve)'),
    wageAdjustmentPerMonth: share(0.1, 'share of the gap to the wage-curve wage closed each month'),
    hiringPerMonth: share(0.05, 'largest share of a block\'s workforce it can add in a month from the unemployed'),
    separationPerMonth: share(0.02, 'largest share of a block\'s workforce it lets go in a month when hours fall short'),
  })
  .prefault({});

const localEconomySchema = z
  .strictObject({
    exogenousIncomeShare: share(0.12, 'share of household income from outside the district at the start: remittances, commuters\' wages, pensions, public transfers'),
    agriculture: localSectorSchema('agriculture'),
    tradeServices: localSectorSchema('tradeServices'),
    smallMediumFirms: localSectorSchema('smallMediumFirms'),
    localGovernment: localSectorSchema('localGovernment'),
    labour: labourSchema,
    priceAdjustmentPerMonth: share(0.25, 'share of the gap to its target price a block closes each month'),
    outsideDemandPriceElasticity: p(z.number().min(0).max(10).default(2), 'elasticity', 'how strongly outside buyers cut what they buy from a block as its price rises (they can buy the same elsewhere; assumption)'),
    outsideGrowthPerYear: p(
      z.number().min(-0.2).max(0.3).default(0),
      'share per year',
      'growth of what reaches the district from outside, compounded month by month: outside buyers\' orders from micro-businesses and the sector blocks, and households\' income from outside (exogenousIncomeShare); the rest of the economy follows through its own rules. 0 (the default): a stationary economy; e.g. 0.05 for 5% a year, -0.03 for a district in decline',
    ),
  })
  .prefault({});

const firmBehaviourSchema = z
  .strictObject({
    expectationSmoothing: share(0.5, 'weight of last month\'s orders in expected demand'),
    inventoryTargetMonths: p(z.number().min(0).max(3).default(0.25), 'months of sales', 'finished-goods buffer a business aims to hold'),
    ownerDrawShare: share(0.9, 'share of profit the owner takes home once next month\'s working capital is covered'),
    subsistenceDrawRupiahPerMonth: rupiah(600_000, 'what the owner household takes out even in a bad month, from cash above working capital'),
    idleCashMonths: p(z.number().min(1).max(24).default(3), 'months of working capital', 'cash above this is taken home by the owner'),
    householdEmergencyPerMonth: share(0.08, 'chance per month of a household emergency (illness, school fees) paid from business cash when money is mixed'),
    householdEmergencyShare: share(0.3, 'share of business cash such an emergency takes'),
    ownerTopUpShare: share(0.1, "largest share of its money the owner's household puts into the business in a month to restore its working capital (assumption)"),
    ownerExtraHoursShare: share(0.5, 'how much more the owner and unpaid family can make in a busy month by working longer than their usual hours, as a share of their usual output (usual about 40 hours a week, up to 60; BPS Sakernas: a quarter of workers work over 49 hours a week)'),
    hireProbability: share(0.3, 'chance per month of hiring when demand outruns capacity and cash allows'),
    hireCashMonths: p(z.number().min(0).max(24).default(3), 'months of wages', 'cash needed to hire one worker'),
    hireValueAddedShare: share(0.6, 'a worker is hired when the value added of the output they would add exceeds this share of the wage'),
    priceAdjustmentPerMonth: share(0.02, 'price rise per month while demand outruns capacity (and fall back when it does not)'),
    maxScarcityMarkup: share(0.3, 'largest price rise over the start price from excess demand'),
    fireValueAddedShare: share(0.4, 'a worker is let go when the value added of the last worker falls below this share of the wage'),
    distressMonthsToExit: p(z.number().int().min(1).max(60).default(3), 'months', 'months in a row without cash to produce before closing'),
    baseExitHazardPerMonth: share(0.006, 'closure chance per month for reasons outside the model (about 7% a year; assumption)'),
    entryRatePerMonth: share(0.006, 'new businesses per month as a share of the initial ones, before permit ease, when as many households run no business as at the start and open businesses sell what they did at the start'),
    entryResponse: p(z.number().min(0).max(10).default(2), 'elasticity', 'how strongly entry follows sales per established business relative to the start (free entry; assumption)'),
    entrySignalAgeMonths: p(z.number().int().min(0).max(120).default(12), 'months', 'an entrant counts in free entry\'s sales per business once it has been open this long: before that it is still finding its customers, not a sign of how much the market buys (the initial businesses always count; assumption)'),
    entrantCapitalRupiah: rupiah(3_000_000, 'start-up capital an entrant household puts in'),
    outsideBuyersFindSellerPerMonth: share(0.1, 'share of the outside buyers a closed business left, not yet taken by an entrant, who find another seller of the same sector each month (assumption: within about a year)'),
    priceElasticity: p(z.number().min(0).max(5).default(1.5), 'elasticity', 'how strongly households shift spending to cheaper shops'),
    turnoverTaxRate: share(0.005, 'final tax on turnover above the exempt part (PP 23/2018, 0.5%)'),
    taxExemptTurnoverRupiahPerMonth: rupiah(41_666_667, 'exempt turnover per month (PP 55/2022: Rp 500 million a year)'),
    investCashMonths: p(z.number().min(0).max(24).default(4), 'months of costs', 'cash above which a business facing excess demand buys equipment'),
    investmentRupiah: rupiah(2_500_000, 'cost of one equipment upgrade (bought from outside)'),
    investmentProductivityGain: share(0.08, 'productivity gain from one upgrade'),
  })
  .prefault({});

const learningSchema = z
  .strictObject({
    trainingRate: share(0.9, 'share of a capacity gap closed by a full module at full attendance'),
    trainingHoursHalfEffect: rate(10, 'hours', 'total hours of a module that give about 63% of its full effect (diminishing returns)'),
    mentoringRate: share(0.05, 'share of a capacity gap closed per month of intensive mentoring at full trust and competence, with visits at the half-effect level or more (calibrated to C2b)'),
    visitsHalfEffect: rate(2, 'visits per month', 'visits per month that give about 63% of the full-month effect'),
    relevanceWithoutNeedsAnalysis: share(0.6, 'how well content fits a business when there is no needs analysis'),
    fadeRatePerMonth: share(0.03, 'share of learned capacity lost in each month without a visit or a training session (C2: fade after visits stop)'),
    practiceRetention: share(0.5, 'how much an adopted practice slows the fade of its capacity'),
    initialTrust: share(0.3, 'trust in a new mentor'),
    trustGainPerMonth: share(0.25, 'share of the remaining trust gap closed per month with a local mentor'),
    externalMentorTrustFactor: share(0.5, 'trust builds this much slower with a mentor from outside'),
    resistanceWeight: share(0.6, 'how much resistance to change cuts attendance and uptake'),
    resistanceDecayPerMonth: share(0.03, 'share of resistance worn down per month in the program'),
    adaptiveResistanceDecayPerMonth: share(0.12, 'share of resistance worn down per month under adaptive mentoring'),
    peerResistanceDecay: share(0.1, 'extra monthly decay of resistance when all tied peers (informal and forum ties, open businesses) have adopted a new practice'),
    lowEducationPenalty: share(0.3, 'how much less owners with primary schooling or less learn from standard material'),
    spilloverRatePerMonth: share(0.03, 'share of the gap to peers\' learned capacity that spreads per month'),
    spilloverMinGain: share(0.01, 'a peer passes on a capacity only once it has learned at least this much of it'),
  })
  .prefault({});

const performanceSchema = z
  .strictObject({
    productionProductivityGain: rate(0.6, 'share per unit capacity', 'productivity gain per unit of learned production technique'),
    planningProductivityGain: rate(0.3, 'share per unit capacity', 'productivity gain per unit of learned management/planning'),
    wasteAtStart: share(0.1, 'raw material wasted per unit at the start'),
    wasteReduction: share(0.8, 'share of waste removed by full learned technique and planning'),
    marketingAttractionGain: rate(0.6, 'share per unit capacity', 'gain in customers\' preference per unit of learned marketing'),
    mindsetAttractionGain: rate(0.15, 'share per unit capacity', 'gain in preference per unit of learned growth mindset (service, initiative)'),
    digitalSalesUplift: rate(0.08, 'share of start turnover', 'C9 assumption: outside sales a newly adopted digital channel brings, as a share of the business\'s start turnover, scaled by (0.5 + digital capacity)'),
    marketExpansionPerMonth: rate(0.1, 'share of start turnover per month, per unit of market links × learned marketing', 'outside orders a business with market links adds each month while it can deliver (C5)'),
    marketExpansionCap: rate(1, 'share of start turnover', 'most outside orders market links can add'),
    outsideMarketingGain: rate(0.1, 'share per unit capacity', 'outside sales gain per unit of learned marketing'),
    bookkeepingMarkupGain: share(0.02, 'price increase when books reveal the real unit cost'),
    bookkeepingAdoptionPerCapacity: rate(0.5, 'per month per unit capacity', 'monthly adoption chance of bookkeeping per unit learned bookkeeping capacity'),
    separationAdoptionPerCapacity: rate(0.35, 'per month per unit capacity', 'monthly adoption chance of separated money per unit learned bookkeeping capacity'),
    digitalAdoptionPerCapacity: rate(0.5, 'per month per unit capacity', 'monthly adoption chance of a digital channel per unit learned digital capacity, times digital literacy'),
    digitalAdoptionTrendPerMonth: share(0.003, 'monthly adoption chance of a digital channel without any program for an owner of digital literacy 0.5; proportional to literacy (I6 context)'),
  })
  .prefault({});

const trainingSchema = z
  .strictObject({
    enabled: flag(false, 'classroom training'),
    hoursByModule: perModule({ management: 8, bookkeeping: 12, marketing: 8, digital: 8, production: 8, mindset: 4 }, 'hours', 'classroom hours'),
    months: months(2, 'months over which training hours are spread'),
    costRupiahPerParticipantHour: rupiah(25_000, 'trainer, venue and materials per participant-hour'),
    localShareOfCost: share(0.5, 'share of training spending that goes to local households (venue, food, local trainers)'),
  })
  .prefault({});

const mentoringSchema = z
  .strictObject({
    enabled: flag(false, 'intensive one-to-one mentoring'),
    visitsPerMonth: rate(2, 'visits per month', 'planned mentor visits per participant per month'),
    months: months(6, 'months of mentoring per cohort'),
    caseload: p(z.number().int().min(1).max(500).default(20), 'participants per mentor', 'participants each mentor follows'),
    maxVisitsPerMentorMonth: rate(40, 'visits per month', 'visits one mentor can make in a month'),
    adaptive: flag(true, 'mentor adapts material and pace to the participant'),
    local: flag(true, 'mentors live in the area (trust builds faster; pay stays local)'),
    competence: share(0.7, 'mentor competence'),
    feeRupiahPerMentorMonth: rupiah(4_000_000, 'mentor pay per month'),
    informationInputDiscount: share(0.07, 'raw-material price cut a mentee gets from a fully trusted, fully competent mentor\'s market information (C2)'),
    informationDecayPerMonth: share(0.35, 'share of a mentor\'s market information lost each month once visits stop (C2: the gain fades)'),
  })
  .prefault({});

const resourceAccessSchema = z
  .strictObject({
    enabled: flag(false, 'facilitating access to resources'),
    month: months(2, 'months after cohort start when grants/credit arrive'),
    grantRupiah: rupiah(0, 'business grant per participant'),
    creditRupiah: rupiah(0, 'largest loan per participant from an outside lender'),
    creditInterestPerMonth: p(z.number().min(0).max(0.2).default(0.02), 'share per month', 'loan interest per month (microfinance ~24% a year)'),
    creditTermMonths: p(z.number().int().min(1).max(120).default(18), 'months', 'loan term'),
    creditMaxInstallmentShareOfProfit: share(0.3, 'the lender sizes each loan so the installment is at most this share of the business\'s monthly profit'),
    supplierLinks: share(0, 'rise in local input share arranged with local suppliers'),
    marketLinks: share(0, 'rise in outside sales arranged through market links'),
    costRupiahPerParticipant: rupiah(150_000, 'facilitation and loan administration per participant'),
  })
  .prefault({});

const monitoringSchema = z
  .strictObject({
    enabled: flag(false, 'monitoring and evaluation'),
    attendanceBoost: share(0.1, 'relative rise in attendance from regular monitoring'),
    costRupiahPerParticipantMonth: rupiah(30_000, 'monitoring cost per participant-month while the cohort is active'),
  })
  .prefault({});

const reflectionSchema = z
  .strictObject({
    enabled: flag(false, 'reflection across cohorts'),
    learningGainPerCohort: share(0.1, 'relative rise in learning for each later cohort'),
    costRupiahPerCohort: rupiah(5_000_000, 'cost of a reflection round'),
  })
  .prefault({});

const needsAnalysisSchema = z
  .strictObject({
    enabled: flag(false, 'needs analysis matches content to each business\'s gaps'),
    costRupiahPerParticipant: rupiah(250_000, 'needs assessment per participant'),
  })
  .prefault({});

const forumSchema = z
  .strictObject({
    enabled: flag(false, 'business forums that build a collaboration network'),
    size: p(z.number().int().min(2).max(100).default(10), 'businesses', 'participants per forum'),
    months: months(12, 'months forums meet with program support'),
    costRupiahPerForumMonth: rupiah(300_000, 'meeting cost per forum per month'),
    jointPurchasingDiscount: share(0.04, 'raw-material price cut from buying together'),
    promotionAttractionGain: share(0.05, 'preference gain from collective promotion'),
    promotionOutsideGain: share(0.1, 'outside-sales gain from collective promotion'),
    shockCushion: share(0.4, 'share of a raw-material price shock absorbed by sharing within the network'),
  })
  .prefault({});

const targetingSchema = z
  .strictObject({
    rule: p(
      z.enum(['all', 'random', 'womenFirst', 'lowestCapacityFirst', 'highestPotentialFirst', 'expression']).default('random'),
      'rule',
      'who is enrolled when places are fewer than businesses',
    ),
    expression: p(
      z.string().max(500).optional(),
      'mathjs expression',
      'priority score per business, higher first; a score of 0 or less (or false) excludes the business; used when rule is "expression"',
    ),
  })
  .prefault({});

/** Eligibility rules for cash transfers (docs/model.md §7.2). */
export const CASH_ELIGIBILITY = ['poorestByIncome', 'poorestByMoney', 'womenHeaded', 'random'] as const;

const cashPaymentSchema = z.strictObject({
  month: p(z.number().int().min(0).max(599), 'months after program.startMonth', 'month of this payment (0 = the program\'s first month, program.startMonth)'),
  share: p(z.number().gt(0).max(1), 'share 0..1', 'share of each recipient\'s total paid in this month'),
});

/** Twelve equal monthly payments from the program's first month. */
const equalMonthlyPayments = () => Array.from({ length: 12 }, (_, month) => ({ month, share: 1 / 12 }));

const cashTransferSchema = z
  .strictObject({
    enabled: flag(false, 'pay cash to households (cash benchmarking); recipients enrol no business'),
    households: p(z.number().int().min(1).default(100), 'households', 'recipient households, independent of the number of businesses (at most the households in the economy)'),
    eligibility: p(
      z.enum(CASH_ELIGIBILITY).default('poorestByIncome'),
      'rule',
      'who receives: lowest starting income, least starting money, women-headed households (drawn in random order), or a random draw',
    ),
    womenHeadedShareWithoutBusiness: share(0.15, 'share of households owning no micro-business counted as women-headed, each drawn from the cashTransfer stream (assumption)'),
    amountRupiahPerHousehold: p(
      z.number().int().min(1).max(MAX_RUPIAH).optional(),
      'rupiah per household, whole schedule',
      'total paid to each recipient over the whole schedule, reserved (with its delivery cost) from the budget before the other levers are sized; when absent, what the other levers leave of the budget, net of delivery, split equally',
    ),
    schedule: p(
      z.array(cashPaymentSchema).min(1).max(600).default(equalMonthlyPayments),
      'payments',
      'when each recipient is paid and what share of its total: months unique and within the horizon, shares summing to 1 (default: 12 equal monthly payments)',
    ),
    deliveryCostShare: p(z.number().min(0).max(0.9).default(0.03), 'share 0..1', 'share of what the cash costs the program that goes on delivering it (paid outside)'),
  })
  .prefault({});

const programSchema = z
  .strictObject({
    budgetRupiah: p(z.number().min(0).max(MAX_BUDGET_RUPIAH).default(0), 'rupiah', 'total program budget; places are cut to what it pays for'),
    maxParticipants: p(z.number().int().min(0).default(100), 'businesses', 'places offered'),
    startMonth: p(z.number().int().min(1).max(600).default(1), 'month', 'month the first cohort starts (1 = the first simulated month)'),
    cohorts: p(z.number().int().min(1).max(24).default(1), 'cohorts', 'number of cohorts'),
    monthsBetweenCohorts: months(12, 'months between cohort starts'),
    genderSensitive: flag(false, 'schedules, childcare and women-only groups that fit women owners\' time (C7)'),
    womenTimeBoost: share(0.25, 'rise in women\'s available time under a gender-sensitive design'),
    adminOverheadShare: share(0.1, 'administration on top of direct costs, paid outside'),
    localShareOfServices: share(0.5, 'share of needs-analysis, monitoring and reflection spending paid to local people'),
    targeting: targetingSchema,
    needsAnalysis: needsAnalysisSchema,
    training: trainingSchema,
    mentoring: mentoringSchema,
    resourceAccess: resourceAccessSchema,
    monitoring: monitoringSchema,
    reflection: reflectionSchema,
    forums: forumSchema,
    cashTransfer: cashTransferSchema,
  })
  .prefault({});

const governmentSchema = z
  .strictObject({
    permitEase: share(0.5, 'ease of getting a business permit: raises entry'),
    interestSubsidyShare: share(0, 'share of loan interest paid by local government (financing incentive)'),
  })
  .prefault({});

const shockSchema = z.strictObject({
  kind: p(z.enum(['rawMaterialPrice', 'localDemand', 'outsideDemand']), 'kind', 'what the shock hits'),
  startMonth: p(z.number().int().min(1), 'month', 'first month of the shock'),
  months: p(z.number().int().min(1).default(3), 'months', 'duration'),
  size: p(z.number().min(-0.95).max(5), 'relative change', 'e.g. 0.3 = +30% raw-material prices, -0.2 = 20% less demand'),
});

const mechanismsSchema = z
  .strictObject({
    learning: flag(true, 'capacities grow with training and mentoring'),
    attendanceLimits: flag(true, 'time and resistance limit attendance'),
    resistance: flag(true, 'resistance to change, worn down by adaptive mentoring and peers'),
    fadeOut: flag(true, 'learned capacity fades after mentoring stops'),
    capacityToPerformance: flag(true, 'capacities change margins, working capital, customers and productivity'),
    practiceAdoption: flag(true, 'bookkeeping, separated money and digital channels are adopted'),
    hiring: flag(true, 'businesses hire and let go'),
    exit: flag(true, 'businesses close when cash runs out for months in a row, or by the base exit hazard'),
    entry: flag(true, 'new businesses open'),
    networkSpillovers: flag(true, 'learning spreads along business ties'),
    shockCushioning: flag(true, 'forum networks absorb part of raw-material shocks'),
    investment: flag(true, 'businesses buy equipment when demand outruns capacity'),
    marketExpansion: flag(true, 'market links open outside markets that grow with learned marketing'),
    mentorInformation: flag(true, 'mentors\' market information cuts raw-material prices while visits go on, fading after'),
    localSectors: flag(true, 'the rest of the local economy (farms, trade and services, small and medium firms, local government) sells to households and each other, employs and pays local households'),
    wageCurve: flag(true, 'the local wage follows how much labour is unused (the wage curve)'),
  })
  .prefault({});

/** The longest title and one-line summary a design may carry (a summary fits one line of a phone's screen pair). */
export const MAX_TITLE_LENGTH = 60;
export const MAX_SUMMARY_LENGTH = 140;
/** A text in Indonesian (`id`) and English (`en`); labels only, never read by the model. */
const bilingual = (max: number, description: string) =>
  p(
    z
      .strictObject({
        id: p(z.string().min(1).max(max), 'text', `in Indonesian, at most ${max} characters`),
        en: p(z.string().min(1).max(max), 'text', `in English, at most ${max} characters`),
      })
      .optional(),
    'text (id, en)',
    description,
  );

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  name: p(z.string().min(1).default('unnamed'), 'text', 'short name'),
  description: p(z.string().default(''), 'text', 'what this design is'),
  title: bilingual(MAX_TITLE_LENGTH, 'the design\'s title for people, in Indonesian and English (the web app and `pendamping scenarios` show it); no effect on results'),
  summary: bilingual(MAX_SUMMARY_LENGTH, 'what the design does, in one plain line in Indonesian and English, for a district official; no effect on results'),
  months: p(z.number().int().min(1).max(600).default(36), 'months', 'horizon'),
  seed: p(z.number().int().min(0).max(4_294_967_295).default(1), 'seed', 'default seed when none is given on the command line'),
  region: p(
    z.string().min(1).default('town'),
    'region name',
    'the region profile (scenarios/regions/<name>.json) that describes the local economy; the scenario\'s own fields override the profile\'s (docs/regions.md)',
  ),
  businessStealingShare: share(0.5, 'when the shops a household knows gain pull (marketing, promotion) this share of the gain only moves its spending between those shops; the rest is new local spending taken from imports (1 = pure business stealing; assumption)'),
  economy: economySchema,
  households: householdSchema,
  suppliers: supplierSchema,
  localEconomy: localEconomySchema,
  firms: firmBehaviourSchema,
  learning: learningSchema,
  performance: performanceSchema,
  program: programSchema,
  government: governmentSchema,
  shocks: z.array(shockSchema).max(50).default([]),
  mechanisms: mechanismsSchema,
});

/** A scenario after validation, with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written in a file: everything optional. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Sector = z.output<typeof sectorSchema>;
export type Shock = z.output<typeof shockSchema>;
export type MechanismName = keyof Scenario['mechanisms'];
export type CashPayment = z.output<typeof cashPaymentSchema>;
export type CashEligibility = (typeof CASH_ELIGIBILITY)[number];
