// fast-check generator of valid scenario inputs: small economies with random levers, mechanisms,
// parameters and shocks, so invariants are tested over the space of designs, not a few fixtures.
import fc from 'fast-check';
import type { ScenarioInput } from '../../sim/index.js';

const share = fc.double({ min: 0, max: 1, noNaN: true });
const mechanisms = fc.record({
  learning: fc.boolean(), attendanceLimits: fc.boolean(), resistance: fc.boolean(), fadeOut: fc.boolean(),
  capacityToPerformance: fc.boolean(), practiceAdoption: fc.boolean(), hiring: fc.boolean(), exit: fc.boolean(),
  entry: fc.boolean(), networkSpillovers: fc.boolean(), shockCushioning: fc.boolean(), investment: fc.boolean(),
  localSectors: fc.boolean(), wageCurve: fc.boolean(),
});
/** A selling block's parameters (its household share is a fraction of what micro-businesses leave, set below). */
const block = fc.record({
  gdpShare: share,
  householdFraction: fc.double({ min: 0, max: 0.3, noNaN: true }),
  surplusLocalShare: share,
  ownerHouseholdShare: share,
  startUtilisation: fc.double({ min: 0.3, max: 1, noNaN: true }),
  scarcityPriceRise: share,
});
const shock = fc.record({
  kind: fc.constantFrom('rawMaterialPrice' as const, 'localDemand' as const, 'outsideDemand' as const),
  startMonth: fc.integer({ min: 1, max: 6 }),
  months: fc.integer({ min: 1, max: 6 }),
  size: fc.double({ min: -0.9, max: 2, noNaN: true }),
});

/**
 * A cash-transfer design whose schedule fits any generated horizon (months 0–2 after a start of at most
 * 4, against at least 6 months): 1–3 payments with positive weights normalised to shares; the amount
 * follows from the budget (an explicit amount is generated where the budget is known, in ledger.test.ts).
 */
export const arbitraryCashTransfer = fc.record({
  enabled: fc.boolean(),
  households: fc.integer({ min: 1, max: 400 }),
  eligibility: fc.constantFrom('poorestByIncome' as const, 'poorestByMoney' as const, 'womenHeaded' as const, 'random' as const),
  womenHeadedShareWithoutBusiness: share,
  deliveryCostShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
  schedule: fc.uniqueArray(fc.record({ month: fc.integer({ min: 0, max: 2 }), weight: fc.integer({ min: 1, max: 100 }) }), { minLength: 1, maxLength: 3, selector: (x) => x.month })
    .map((xs) => {
      const total = xs.reduce((a, x) => a + x.weight, 0);
      return xs.map((x) => ({ month: x.month, share: x.weight / total }));
    }),
});

const arbitraryInput = fc.record({
  name: fc.constant('generated'),
  months: fc.integer({ min: 6, max: 14 }),
  businessStealingShare: share,
  economy: fc.record({
    businesses: fc.integer({ min: 8, max: 150 }),
    householdsPerBusiness: fc.double({ min: 1, max: 4, noNaN: true }),
    shopsKnownPerHousehold: fc.integer({ min: 1, max: 6 }),
    turnoverDispersion: fc.double({ min: 0, max: 2, noNaN: true }),
    womenOwnedShare: share,
    workingCapitalMonths: fc.double({ min: 0, max: 4, noNaN: true }),
    baselineTiesPerBusiness: fc.integer({ min: 0, max: 4 }),
  }),
  households: fc.record({
    marginalPropensityToConsume: share,
    spendingFromSavings: share,
    transferSpendingPerMonth: fc.double({ min: 0.01, max: 1, noNaN: true }),
    localSpendingShare: share,
    savingsOutsideShare: share,
  }),
  firms: fc.record({
    entryRatePerMonth: fc.double({ min: 0, max: 0.05, noNaN: true }),
    baseExitHazardPerMonth: fc.double({ min: 0, max: 0.1, noNaN: true }),
    householdEmergencyPerMonth: share,
  }),
  program: fc.record({
    budgetRupiah: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2_000_000_000 })),
    maxParticipants: fc.integer({ min: 0, max: 200 }),
    startMonth: fc.integer({ min: 1, max: 4 }),
    cohorts: fc.integer({ min: 1, max: 3 }),
    monthsBetweenCohorts: fc.integer({ min: 0, max: 6 }),
    genderSensitive: fc.boolean(),
    targeting: fc.record({ rule: fc.constantFrom('all' as const, 'random' as const, 'womenFirst' as const, 'lowestCapacityFirst' as const, 'highestPotentialFirst' as const) }),
    needsAnalysis: fc.record({ enabled: fc.boolean() }),
    training: fc.record({ enabled: fc.boolean(), months: fc.integer({ min: 0, max: 4 }) }),
    mentoring: fc.record({ enabled: fc.boolean(), visitsPerMonth: fc.double({ min: 0, max: 8, noNaN: true }), months: fc.integer({ min: 0, max: 8 }), caseload: fc.integer({ min: 1, max: 40 }), adaptive: fc.boolean(), local: fc.boolean() }),
    resourceAccess: fc.record({ enabled: fc.boolean(), month: fc.integer({ min: 0, max: 3 }), grantRupiah: fc.integer({ min: 0, max: 10_000_000 }), creditRupiah: fc.integer({ min: 0, max: 20_000_000 }), supplierLinks: share, marketLinks: share }),
    monitoring: fc.record({ enabled: fc.boolean() }),
    reflection: fc.record({ enabled: fc.boolean() }),
    forums: fc.record({ enabled: fc.boolean(), size: fc.integer({ min: 2, max: 12 }), months: fc.integer({ min: 0, max: 12 }) }),
    cashTransfer: arbitraryCashTransfer,
  }),
  // farmFraction: the part of what a supplier does not import that it buys from local farms (mapped below).
  // importShare at least its default 0.4, so households' income from suppliers never exceeds the default's
  // and the sector blocks keep something to pay under any generated exogenousIncomeShare.
  suppliers: fc.record({ importShare: fc.double({ min: 0.4, max: 1, noNaN: true }), farmFraction: share }),
  government: fc.record({ permitEase: share, interestSubsidyShare: share }),
  shocks: fc.array(shock, { maxLength: 3 }),
  mechanisms,
  localEconomy: fc.record({
    exogenousIncomeShare: fc.double({ min: 0, max: 0.4, noNaN: true }),
    agriculture: block, tradeServices: block, smallMediumFirms: block,
    labour: fc.record({ unemploymentRate: fc.double({ min: 0, max: 0.3, noNaN: true }), wageCurveElasticity: fc.double({ min: 0, max: 1, noNaN: true }), wageAdjustmentPerMonth: share }),
    priceAdjustmentPerMonth: share,
    outsideDemandPriceElasticity: fc.double({ min: 0, max: 5, noNaN: true }),
    outsideGrowthPerYear: fc.double({ min: -0.2, max: 0.3, noNaN: true }),
  }),
});

/**
 * Valid scenario inputs, the sector blocks' parameters included: each selling block's household share is a
 * fraction of the consumption micro-businesses leave, so households never buy more than all of it locally;
 * suppliers' farm produce is a fraction of what they do not import.
 */
export const arbitraryScenario: fc.Arbitrary<ScenarioInput> = arbitraryInput.map((input) => {
  const left = 1 - input.households.localSpendingShare;
  const { agriculture, tradeServices, smallMediumFirms, ...rest } = input.localEconomy;
  const blockOf = ({ householdFraction, ...b }: typeof agriculture) => ({ ...b, householdSpendingShare: householdFraction * left });
  const { importShare, farmFraction } = input.suppliers;
  return {
    ...input,
    suppliers: { importShare, farmProduceShare: farmFraction * (1 - importShare) },
    localEconomy: { ...rest, agriculture: blockOf(agriculture), tradeServices: blockOf(tradeServices), smallMediumFirms: blockOf(smallMediumFirms) },
  };
});
