// Region profiles: town is today's economy exactly, a scenario's own fields override its profile, rural and
// periurban run with balanced books and differ from town where they say so, and bad profiles are named.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, scenarioSchema, ScenarioError } from '../../sim/index.js';
import { regionJsonSchema } from '../../sim/scenario/jsonSchema.js';
import { checkRegionProfile } from '../../sim/scenario/regionProfile.js';
import { SHIPPED_REGIONS, shippedRegion } from '../../sim/scenario/regions.js';
// The L2 calibration scenarios enrol businesses by a targeting expression: load its compiler (mathjs).
import '../../sim/program/expression.js';

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const shippedScenarios = readdirSync('scenarios').filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
const calibrationScenarios = readdirSync('scenarios/calibration').filter((f) => f.endsWith('.json'));

/** The value at a profile path such as economy.sectors[2].share. */
function at(root: unknown, path: string): unknown {
  return path
    .split(/\.|(?=\[)/)
    .reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k.startsWith('[') ? Number(k.slice(1, -1)) : k], root);
}

function problemsOf(f: () => unknown): { path: string; value: unknown; expected: string }[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).problems;
  }
  throw new Error('expected a ScenarioError');
}

describe('region profiles', () => {
  it('the folder scenarios/regions and the shipped list agree, and each profile is named by its file', () => {
    const files = readdirSync('scenarios/regions').filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
    expect(files).toEqual([...SHIPPED_REGIONS]);
    for (const name of files) expect(shippedRegion(name)!.name).toBe(name);
    expect(SHIPPED_REGIONS).toEqual(['periurban', 'rural', 'town']);
  });

  const files = [...shippedScenarios.map((f) => `scenarios/${f}`), ...calibrationScenarios.map((f) => `scenarios/calibration/${f}`)];
  const namesRegion = (file: string) => (readJson(file) as Record<string, unknown>).region !== undefined;
  it.each(files.filter((f) => !namesRegion(f)))('%s without region resolves exactly as with region "town"', (file) => {
    const raw = readJson(file) as Record<string, unknown>;
    const plain = parseScenario(raw);
    expect(plain.region).toBe('town');
    expect(parseScenario({ ...raw, region: 'town' })).toEqual(plain);
  });
  it('the designs that name a region are the rural cash transfer and the stationarity calibration scenarios, each resolving to its profile', () => {
    expect(files.filter(namesRegion)).toEqual([
      'scenarios/rural-cash-transfer.json',
      'scenarios/calibration/stationary-periurban.json',
      'scenarios/calibration/stationary-rural.json',
      'scenarios/calibration/stationary-town.json',
    ]);
    for (const region of SHIPPED_REGIONS) {
      const s = parseScenario(readJson(`scenarios/calibration/stationary-${region}.json`));
      expect(s.region).toBe(region);
      expect(parseScenario({ ...(readJson(`scenarios/calibration/stationary-${region}.json`) as Record<string, unknown>), region: undefined }).region).toBe('town');
    }
    const s = parseScenario(readJson('scenarios/rural-cash-transfer.json'));
    expect(s.region).toBe('rural');
    expect(s.households.localSpendingShare).toBe(shippedRegion('rural')!.sections.households!.localSpendingShare);
  });

  it('town sets exactly the schema\'s own defaults (so today\'s results are unchanged)', () => {
    const defaults = scenarioSchema.parse({});
    const town = shippedRegion('town')!;
    expect(town.parameters.length).toBeGreaterThan(30);
    for (const q of town.parameters) expect(q.value, q.path).toEqual(at(defaults, q.path));
  });

  it('a run without region equals a run with region "town", number for number', () => {
    const raw = { months: 6, economy: { businesses: 150 }, program: { budgetRupiah: 80_000_000, maxParticipants: 40, mentoring: { enabled: true } } };
    const a = runScenario(parseScenario(raw), { seed: 4 });
    const b = runScenario(parseScenario({ ...raw, region: 'town' }), { seed: 4 });
    expect(b).toEqual(a);
    expect(a.region).toBe('town');
  });

  it('a scenario\'s own field overrides the profile\'s; the rest of the profile stays; a list replaces the profile\'s whole', () => {
    const s = parseScenario({ region: 'rural', households: { localSpendingShare: 0.7 }, economy: { sectors: [{ name: 'one', share: 1 }] } });
    expect(s.households.localSpendingShare).toBe(0.7);
    expect(s.households.wageRupiahPerMonth).toBe(shippedRegion('rural')!.sections.households!.wageRupiahPerMonth);
    expect(s.economy.householdsPerBusiness).toBe(3.75);
    expect(s.economy.sectors.map((x) => x.name)).toEqual(['one']);
    expect(s.region).toBe('rural');
    // Resolving a resolved scenario again changes nothing (the UI re-parses what it edits).
    expect(parseScenario(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it.each(['rural', 'periurban'])('%s resolves to the values it sets, differs from town in each value it sources, and runs with balanced books', (name) => {
    const profile = shippedRegion(name)!;
    const town = parseScenario({});
    const s = parseScenario({ ...(readJson('scenarios/full-cycle.json') as object), region: name, months: 12, economy: { businesses: 200 } });
    for (const q of profile.parameters) expect(at(s, q.path), q.path).toEqual(q.value);
    const own = profile.parameters.filter((q) => q.sourcePath === q.path);
    expect(own.length).toBeGreaterThanOrEqual(8);
    for (const q of own) expect(at(town, q.path), q.path).not.toEqual(q.value);
    const r = runScenario(s, { seed: 2 });
    expect(r.region).toBe(name);
    expect(r.accounting.maxImbalance).toBe(0);
    expect(r.accounting.negativeBalances).toBe(0);
    expect(r.summary.turnover.counterfactual).toBeGreaterThan(0);
  });

  it('an unknown region is a problem naming the field, the value and the regions there are', () => {
    const [q] = problemsOf(() => parseScenario({ region: 'urban' }, 'x.json'));
    expect(q.path).toBe('region');
    expect(q.value).toBe('urban');
    expect(q.expected).toContain('"periurban", "rural", "town"');
    expect(problemsOf(() => parseScenario({ region: 7 }))[0]).toMatchObject({ path: 'region', value: 7, expected: 'a string' });
  });

  const good = () => ({
    name: 'mine',
    description: 'a test district',
    households: { localSpendingShare: 0.6 },
    economy: { sectors: [{ name: 'a', share: 0.5, localInputShare: 0.3 }, { name: 'b', share: 0.5 }] },
    sources: { 'households.localSpendingShare': 'BPS, Kabupaten X Dalam Angka 2024, Tabel 5.1', 'economy.sectors': 'assumption: two sectors for the test' },
  });

  it('a good profile lists every parameter it sets with the source that covers it; a sector\'s name is a label', () => {
    const p = checkRegionProfile(good(), 'mine.json');
    expect(p.parameters.map((q) => [q.path, q.sourcePath])).toEqual([
      ['economy.sectors[0].share', 'economy.sectors'],
      ['economy.sectors[0].localInputShare', 'economy.sectors'],
      ['economy.sectors[1].share', 'economy.sectors'],
      ['households.localSpendingShare', 'households.localSpendingShare'],
    ]);
    // Usable as an extra profile by name.
    expect(parseScenario({ region: 'mine' }, 's.json', { mine: p }).households.localSpendingShare).toBe(0.6);
  });

  it.each([
    ['wrong type', (p: Record<string, any>) => (p.households.localSpendingShare = 'high'), 'households.localSpendingShare', 'a number'],
    ['out of range', (p: Record<string, any>) => (p.households.localSpendingShare = 1.5), 'households.localSpendingShare', '<= 1'],
    ['unknown field', (p: Record<string, any>) => (p.households.localSpendShare = 0.5), 'households.localSpendShare', '"localSpendingShare"?'],
    ['program section', (p: Record<string, any>) => (p.program = { budgetRupiah: 1 }), 'program', 'one of the fields'],
    ['missing source', (p: Record<string, any>) => delete p.sources['households.localSpendingShare'], 'sources["households.localSpendingShare"]', 'a source for households.localSpendingShare = 0.6'],
    ['source for a parameter not set', (p: Record<string, any>) => (p.sources['households.wageRupiahPerMonth'] = 'UMK 2024'), 'sources["households.wageRupiahPerMonth"]', 'not set here'],
    ['assumption without a reason', (p: Record<string, any>) => (p.sources['economy.sectors'] = 'assumption'), 'sources["economy.sectors"]', '"assumption: <reason>"'],
    ['sector shares not summing to 1', (p: Record<string, any>) => (p.economy.sectors[1].share = 0.2), 'economy.sectors', 'summing to 1'],
    ['name not a file name', (p: Record<string, any>) => (p.name = 'My District'), 'name', 'lower-case'],
    ['no sources', (p: Record<string, any>) => delete p.sources, 'sources', 'an object'],
    ['empty source', (p: Record<string, any>) => (p.sources['households.localSpendingShare'] = ''), 'sources["households.localSpendingShare"]', 'a non-empty text'],
  ])('a bad profile (%s) is a problem naming the field', (_, spoil, path, expected) => {
    const p = good() as Record<string, any>;
    spoil(p);
    const problems = problemsOf(() => checkRegionProfile(p, 'mine.json'));
    const q = problems.find((x) => x.path === path);
    expect(q, JSON.stringify(problems)).toBeDefined();
    expect(q!.expected).toContain(expected);
  });

  it('the committed region JSON Schema is the one the code generates (npm run schema)', () => {
    expect(readJson('scenarios/region.schema.json')).toEqual(JSON.parse(JSON.stringify(regionJsonSchema())));
  });
});

describe('a local economy that cannot add up is a problem naming the field', () => {
  const problems = (input: unknown) => {
    try {
      parseScenario(input, 'x.json');
    } catch (e) {
      return (e as { problems: { path: string; value: unknown; expected: string }[] }).problems;
    }
    return [];
  };
  it('households buying more than all their consumption locally', () => {
    const [q] = problems({ households: { localSpendingShare: 0.9 }, localEconomy: { tradeServices: { householdSpendingShare: 0.2 } } });
    expect(q.path).toBe('localEconomy.<block>.householdSpendingShare');
    expect(q.value).toBeCloseTo(1.15, 6);
    expect(q.expected).toContain('at most 1');
  });
  it('a block whose inputs and value added exceed its output, or wages and taxes its value added', () => {
    const qs = problems({ localEconomy: { smallMediumFirms: { valueAddedShare: 0.95, wageShare: 0.9 } } });
    expect(qs.map((q) => q.path).sort()).toEqual(['localEconomy.smallMediumFirms.inputsFrom', 'localEconomy.smallMediumFirms.wageShare']);
  });
  it('blocks with a GDP share but no value added, or that pay households nothing', () => {
    expect(problems({ localEconomy: { tradeServices: { valueAddedShare: 0, wageShare: 0, taxAndDepreciationShare: 0 } } }).map((q) => q.path)).toContain('localEconomy.tradeServices.valueAddedShare');
    const none = Object.fromEntries(['agriculture', 'tradeServices', 'smallMediumFirms', 'localGovernment'].map((k) => [k, { wageShare: 0, surplusLocalShare: 0 }]));
    expect(problems({ localEconomy: none })[0]).toMatchObject({ path: 'localEconomy.<block>.wageShare' });
  });
  it('an unemployment rate of 1 (no one employed to count the unemployed from)', () => {
    expect(problems({ localEconomy: { labour: { unemploymentRate: 1 } } })[0]).toMatchObject({ path: 'localEconomy.labour.unemploymentRate', value: 1 });
  });
  it('an exogenous income share that leaves the blocks nothing to pay', () => {
    const [q] = problems({ localEconomy: { exogenousIncomeShare: 0.95 } });
    expect(q).toMatchObject({ path: 'localEconomy.exogenousIncomeShare', value: 0.95 });
  });
});
