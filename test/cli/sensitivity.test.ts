// `pendamping sensitivity` on Sobol designs: indices too unstable to read come with a warning, below the
// table and as `warning` in the JSON (issue 13: first-order indices of −2.16 were printed with no warning).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sensitivityJson, sensitivityTable, sobolWarning, type SensitivityResult } from '../../cli/commands/sensitivity.js';
import { memoryIo } from '../../cli/io.js';
import { main } from '../../cli/program.js';
import type { SensitivityIndexRow } from '../../sim/index.js';
import { smallDesign, tempDir, writeScenario } from './helpers.js';
import { readFileSync } from 'node:fs';
import { UNCERTAIN_PARAMETERS } from '../../sim/uncertainty/parameters.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Index = [number, number, number];
const sobolRow = (rank: number, parameter: string, first: Index, total: Index, n = 16): SensitivityIndexRow => ({
  base: 'full-cycle',
  rank,
  parameter,
  method: 'sobol',
  n,
  mu: null,
  mu_star: null,
  mu_star_low: null,
  mu_star_high: null,
  sigma: null,
  first_order: first[0],
  first_order_low: first[1],
  first_order_high: first[2],
  total: total[0],
  total_low: total[1],
  total_high: total[2],
});

/** localGdpPerRupiah from scenarios/experiments/multiplier-sobol.json (N = 16), as its CSV recorded it. */
const N16 = [
  sobolRow(1, 'households.localSpendingShare', [1.1712637525541272, -1.7323182561109565, 5.325210480278701], [0.38321005492645405, 0.16491513132053115, 0.6858542458185583]),
  sobolRow(2, 'suppliers.importShare', [1.24782881122154, -2.101094027130519, 5.4584023670725434], [0.374921205401081, 0.16681565907616816, 0.8208997700759284]),
  sobolRow(3, 'businessStealingShare', [-1.7453803222235174, -5.013916949378341, 1.5092221695562427], [0.35210858605274625, 0.1756405153407238, 0.5439752146878566]),
  sobolRow(4, 'program.mentoring.feeRupiahPerMentorMonth', [-0.5589898799006219, -3.028286252430364, 1.4087472413970579], [0.1361193336409114, 0.05279404604487872, 0.25010076702690054]),
  sobolRow(5, 'performance.marketingAttractionGain', [0.619315611784342, -0.811163694518733, 2.3955930313354497], [0.06959486723457714, 0.0256653002702897, 0.15144124771628323]),
  sobolRow(6, 'households.marginalPropensityToConsume', [0.6220052661592294, -0.7039503289416047, 1.9862879119433168], [0.05357763322857313, 0.02790171009158467, 0.10287512752467282]),
];

/** The same ranking as a large N would give it: every CI narrower than 0.1, every estimate in [0, 1]. */
const STABLE = [
  sobolRow(1, 'households.localSpendingShare', [0.35, 0.32, 0.38], [0.4, 0.38, 0.43], 8192),
  sobolRow(2, 'suppliers.importShare', [0.3, 0.27, 0.33], [0.37, 0.34, 0.4], 8192),
  sobolRow(3, 'businessStealingShare', [-0.01, -0.04, 0.02], [0.02, 0.01, 0.03], 8192),
];

describe('Sobol warning (sensitivity table and JSON)', () => {
  it('N = 16: the table says the indices are not stable, naming the worst index, the widest CI and the N needed', () => {
    const table = sensitivityTable('localGdpPerRupiah', 'sobol', N16);
    const lines = table.trimEnd().split('\n');
    const at = lines.findIndex((l) => l.startsWith('warning: '));
    expect(at).toBeGreaterThan(0);
    const warning = lines.slice(at).join(' ');
    expect(warning).toBe(
      'warning: these Sobol indices are not stable at N = 16 complete Saltelli rows: the first-order index of ' +
        'businessStealingShare is -1.75 (and 3 more are), outside [0, 1], where a share of variance must lie; ' +
        'the widest 95% CI, of the first-order index of suppliers.importShare, spans 7.56 (stable: at most 0.1). ' +
        'CIs narrow about as 1/√N, so roughly N = 91,000 would be needed: raise design.samples before reading a ranking from these numbers.',
    );
    for (const l of lines.slice(at)) expect(l.length).toBeLessThanOrEqual(100);
    // The table itself is unchanged above it.
    expect(lines[at - 2]).toMatch(/^full-cycle {2}6 {5}households\.marginalPropensityToConsume +0\.622 \[-0\.704, 1\.99\] +0\.054 \[0\.028, 0\.103\] +16$/);
  });

  it('the JSON carries the same warning as a field, null when the indices are stable', () => {
    const result = (rows: SensitivityIndexRow[]): SensitivityResult => ({ output: 'localGdpPerRupiah', design: 'sobol', rows, warning: sobolWarning(rows), csvFile: 'x.csv', table: '' });
    const doc = JSON.parse(sensitivityJson(result(N16), undefined));
    expect(Object.keys(doc)).toEqual(['output', 'design', 'month', 'warning', 'rows', 'csvFile']);
    expect(doc.warning).toMatch(/^these Sobol indices are not stable at N = 16 complete Saltelli rows: the first-order index of businessStealingShare is -1\.75/);
    expect(doc.rows[2].first_order).toBe(-1.7453803222235174);
    expect(JSON.parse(sensitivityJson(result(STABLE), 24)).warning).toBeNull();
    expect(sensitivityTable('localGdpPerRupiah', 'sobol', STABLE)).not.toContain('warning');
  });

  it('through the command: --format json gives the warning field, the table gives the warning lines', async () => {
    writeFileSync(join(dir, 'small.json'), JSON.stringify(smallDesign('small')));
    const file = join(dir, 'sobol.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'sobol-test',
        base: 'small.json',
        parameters: [
          { path: 'program.mentoring.visitsPerMonth', distribution: { type: 'uniform', low: 0.5, high: 4 } },
          { path: 'businessStealingShare', distribution: { type: 'uniform', low: 0.25, high: 0.75 } },
        ],
        design: { type: 'sobol', samples: 6 },
        replicates: 1,
        metrics: ['profit.effect'],
        record: 'final',
        seed: 3,
      }),
    );
    const out = join(dir, 'out');
    const json = memoryIo();
    expect(await main(['sensitivity', file, '--workers', '2', '--out', out, '--format', 'json'], json)).toBe(0);
    const doc = JSON.parse(json.out);
    expect(doc.design).toBe('sobol');
    expect(doc.rows).toHaveLength(2);
    expect(doc.warning).toMatch(/^these Sobol indices are not stable at N = 6 complete Saltelli rows: /);
    expect(json.err).toContain(`wrote ${join(out, 'sensitivity-profit.effect.csv')}`);
    const table = memoryIo();
    expect(await main(['sensitivity', file, '--out', out, '--resume'], table)).toBe(0);
    expect(table.out).toContain('\nwarning: these Sobol indices are not stable at N = 6 complete Saltelli rows: ');
    expect(table.out.split('\n').filter((l) => l.startsWith('warning')).length).toBe(1);
  });

  it('--assumptions ranks the uncertain assumptions for a design; a field the design sets is not varied; the experiment is kept', async () => {
    const design = writeScenario(dir, 'small-design.json', smallDesign('small-design'));
    const out = join(dir, 'assumptions');
    const io = memoryIo();
    expect(await main(['sensitivity', '--assumptions', design, '--output', 'jobs.effect', '--out', out, '--workers', '1', '--format', 'json'], io)).toBe(0);
    const doc = JSON.parse(io.out);
    expect(doc.output).toBe('jobs.effect');
    expect(doc.design).toBe('morris');
    expect(doc.rows.map((r: { parameter: string }) => r.parameter).sort()).toEqual(UNCERTAIN_PARAMETERS.map((p) => p.path).sort());
    expect(doc.rows.map((r: { rank: number }) => r.rank).sort((a: number, b: number) => a - b)).toEqual(UNCERTAIN_PARAMETERS.map((_, i) => i + 1));
    for (const r of doc.rows) expect(r.mu_star).toBeGreaterThanOrEqual(0);
    const experiment = JSON.parse(readFileSync(`${out}.experiment.json`, 'utf8'));
    expect(experiment.parameters.find((p: { path: string }) => p.path === 'businessStealingShare').distribution).toEqual({ type: 'uniform', low: 0.5, high: 0.9 });
    expect(io.err).toContain(`wrote ${out}.experiment.json`);
    // A design that sets business stealing itself: only the other assumption is ranked.
    const fixed = writeScenario(dir, 'fixed-design.json', { ...smallDesign('fixed-design'), businessStealingShare: 0.7 });
    const io2 = memoryIo();
    expect(await main(['sensitivity', '--assumptions', fixed, '--out', join(dir, 'fixed'), '--workers', '1', '--format', 'json'], io2)).toBe(0);
    const doc2 = JSON.parse(io2.out);
    expect(doc2.output).toBe('localGdpGained');
    expect(doc2.rows.map((r: { parameter: string }) => r.parameter).sort()).toEqual(UNCERTAIN_PARAMETERS.map((p) => p.path).filter((p) => p !== 'businessStealingShare').sort());
  }, 120_000);
});
