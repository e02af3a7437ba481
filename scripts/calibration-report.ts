// Regenerate docs/calibration.md: run the validation (the same code as `pendamping validate`) and write
// the report with the calibrated parameters, what each was set to and why, which are assumptions, and
// what the model cannot reproduce. Run: npm run calibration-report. Do not edit the output by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { calibrationScenarioNames, isFailure, isOpenGap, parseScenario } from '../sim/index.js';
import { DEFAULT_VALIDATE_REPLICATES, runValidation, scenarioPath } from '../cli/commands/validate.js';
import { modelFigure, status, targetRange } from '../cli/reports/validateReport.js';
import { reportNumber } from '../cli/format/number.js';
import { reportRupiah } from '../cli/format/rupiah.js';
import { pendampingVersion } from '../cli/version.js';

interface ParameterNote {
  path: string;
  why: string;
  /** Not pinned by a published number: a judgement the targets constrain only loosely. */
  assumption: boolean;
}

// What each calibrated parameter does for the targets. Values are read from the schema's defaults.
const PARAMETERS: ParameterNote[] = [
  { path: 'learning.trainingRate', why: 'sets how much a module teaches; with diminishing returns in hours it puts a typical 48-hour program at C1 (+5–15% profits) and a 12-hour generic course near zero (C3)', assumption: false },
  { path: 'learning.trainingHoursHalfEffect', why: 'diminishing returns in hours: separates long programs (C1) from short courses (C3)', assumption: true },
  { path: 'learning.mentoringRate', why: 'the lasting part of mentoring (capacity): kept small so most of the C2 gain fades after visits stop (C2b)', assumption: false },
  { path: 'learning.fadeRatePerMonth', why: 'slow fade of learned capacity, so classroom effects are still there 1–2 years on (C1) while mentors\' information fades fast (C2b)', assumption: false },
  { path: 'program.mentoring.informationInputDiscount', why: 'mentors\' market information (cheaper inputs), the channel Brooks, Donovan & Johnson (2018) identify; sized to about +20% profits while mentored (C2a) and C8', assumption: false },
  { path: 'program.mentoring.informationDecayPerMonth', why: 'the gain fades once the mentoring relationship ends (C2b)', assumption: false },
  { path: 'performance.marketingAttractionGain', why: 'how learned marketing raises a shop\'s pull; gives the sales effect of C1 (+2–10%)', assumption: false },
  { path: 'performance.bookkeepingMarkupGain', why: 'books reveal the real unit cost and prices rise a little; small enough that sales still rise with profits (C1)', assumption: true },
  { path: 'performance.digitalSalesUplift', why: 'C9 has no well-identified estimate (Couture et al.: little income gain for rural producers): kept small; the report shows the outputs with it halved and doubled', assumption: true },
  { path: 'performance.outsideMarketingGain', why: 'outside sales from learned marketing; small, so program gains are not new outside money by default', assumption: true },
  { path: 'performance.marketExpansionPerMonth', why: 'strong market links let a consulted firm keep winning outside orders: the growth behind C5b (+25–80% employment after 5 years) without moving micro defaults', assumption: true },
  { path: 'households.shopChoiceSensitivity', why: 'how strongly households move between shops as their pull changes relative to their start: sets how many customers a trained or promoted shop wins over two years (C4, C8 together with the pull gains). At 2, C4 reached 35.1% against 12–35; at 0.5 every target passes', assumption: true },
  { path: 'businessStealingShare', why: 'how much of a shop\'s extra pull only moves local spending between shops rather than adding to it. Every target passes anywhere from 0.5 to 0.9, so the evidence here does not pin it down (McKenzie & Puerto 2021 find little displacement in rural Kenyan markets; others suspect much): the middle value is kept, and it is the first parameter to vary for local income and jobs', assumption: true },
  { path: 'households.localSpendingShare', why: 'households\' local share of spending: with suppliers\' imports it sets LM3 (L2), the spending multiplier (L1a) and the output response to outside demand (L1b)', assumption: false },
  { path: 'suppliers.importShare', why: 'how much of a local supplier\'s takings leaves the area; with the above it sets round 3 of LM3 (L2)', assumption: false },
  { path: 'economy.womenTimeAvailable', why: 'women owners\' time for sessions (care work): makes gender-blind effects smaller for women (C7a); a gender-sensitive design recovers part (C7b). Re-calibrated from 0.45 to 0.38 when the stationary-baseline mechanisms (owners topping up working capital, hiring and letting go on the same demand) raised women owners\' relative effect to 0.83', assumption: false },
  { path: 'economy.familyWorkersMean', why: 'unpaid family workers, so a business has about 1.7 workers including the owner (I2)', assumption: false },
  { path: 'economy.meanTurnoverRupiahPerMonth', why: 'I1: Rp 76.1 million a year; outside household income is solved so that this is the steady state', assumption: false },
  { path: 'economy.womenOwnedShare', why: 'I4', assumption: false },
  { path: 'economy.digitalConnectedShare', why: 'I6', assumption: false },
];

function valueAt(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
}

function showValue(path: string, v: unknown): string {
  if (typeof v !== 'number') return String(v);
  return path.toLowerCase().includes('rupiah') ? reportRupiah(v) : reportNumber(v, Math.abs(v) >= 100 ? 0 : 3).replace(/0+$/, '').replace(/\.$/, '');
}

const esc = (s: string) => s.replace(/\|/g, '\\|');

async function main(): Promise<void> {
  const replicates = DEFAULT_VALIDATE_REPLICATES;
  const v = await runValidation({ replicates, seed: 1, scenarios: 'scenarios' });
  const defaults = parseScenario({});
  const out: string[] = [];
  out.push(
    '# Calibration report',
    '',
    `<!-- Generated by \`npm run calibration-report\` (scripts/calibration-report.ts) with Pendamping ${pendampingVersion()}. Do not edit by hand. -->`,
    '',
    'The source study reports only directions. The defaults in `sim/scenario/schema.ts` are set so that the study\'s designs land where randomised experiments and regional-economics evidence land ([docs/calibration-targets.md](calibration-targets.md)). This report is what `npx pendamping validate` prints, with ' +
      `${replicates} replicates (seeds ${v.seeds[0]}..${v.seeds[v.seeds.length - 1]}; replicate r of every calibration scenario uses the same seed). A target passes when the mean over replicates lies in its range; the 95% interval (Student t) says how sure that is.`,
    '',
    '## Targets',
    '',
    '| id | quantity | unit | target | model [95% CI] | result |',
    '| --- | --- | --- | ---: | ---: | --- |',
    ...v.results.map((r) => `| ${r.id} | ${esc(r.quantity)} | ${r.unit} | ${esc(targetRange(r))} | ${esc(modelFigure(r))} | ${status(r)} |`),
    '',
    `${v.results.filter((r) => r.pass === true).length} pass, ${v.results.filter(isFailure).length} fail, ${v.results.filter(isOpenGap).length} known gap, ${v.results.filter((r) => r.pass === null).length} not modelled. A known gap is a target the model is known to miss: it is scored as any other and reported with the reason, below.`,
    '',
    'Sources, by target:',
    '',
    ...v.results.map((r) => `- **${r.id}**: ${r.source}.`),
    '',
    '## Calibration scenarios',
    '',
    'Each lives in `scenarios/calibration/` (the L3 check reads the shipped `scenarios/full-cycle.json`, R1 the shipped `scenarios/rural-cash-transfer.json`). A calibration scenario sets only the design the evidence studied — its levers, intensity, participants and horizon — never a behavioural parameter: those come from the defaults.',
    '',
    ...calibrationScenarioNames().map((n) => {
      const s = JSON.parse(readFileSync(scenarioPath('scenarios', n), 'utf8')) as { description?: string };
      return `- \`${n}\`: ${s.description ?? ''}`;
    }),
    '',
    '## Calibrated parameters',
    '',
    'Values are the current defaults; "assumption" marks a number no published estimate pins down, which the targets constrain only loosely — vary it in a sensitivity analysis before relying on an output that depends on it.',
    '',
    '| parameter | default | why | assumption |',
    '| --- | ---: | --- | --- |',
    ...PARAMETERS.map((p) => `| \`${p.path}\` | ${showValue(p.path, valueAt(defaults, p.path))} | ${esc(p.why)} | ${p.assumption ? 'yes' : ''} |`),
    '',
    'Every other parameter, with its unit, default and source, is listed in `docs/model.md` and in `scenarios/scenario.schema.json`.',
    '',
    '## C9: the digital-sales assumption',
    '',
    'No well-identified estimate links digital marketing to sales (Couture et al.\'s e-commerce experiment in China found little income gain for rural producers), so `performance.digitalSalesUplift` is an explicit assumption. The main outputs of two designs with it halved and doubled (participants\' effects over the last 12 months; means over the same replicates):',
    '',
    '| design | uplift | turnover | profit | digital adoption | jobs | local GDP gained | local GDP per rupiah |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...v.sensitivity.map(
      (s) =>
        `| ${s.scenario} | × ${reportNumber(s.factor, 1)} (${reportNumber(s.digitalSalesUplift, 3)}) | ${reportNumber(s.turnoverEffectPct, 1, { sign: true })}% | ${reportNumber(s.profitEffectPct, 1, { sign: true })}% | ${reportNumber(s.digitalAdoptionEffectPoints, 1, { sign: true })} pp | ${reportNumber(s.jobsEffect, 1, { sign: true })} | ${reportRupiah(s.localGdpGained, { sign: true })} | ${reportNumber(s.localGdpPerRupiah, 2)} |`,
    ),
    '',
    'Adoption does not depend on the uplift (it is driven by learned capacity); turnover, profit, jobs and local GDP move with it, by less than the factor.',
    '',
    '## What the model cannot reproduce, and readings to keep in mind',
    '',
    ...v.results.filter((r) => r.knownGap).map((r) => `- **${r.id} is a known gap${r.pass ? ' no longer: it passes' : ''}.** ${r.quantity}: the model gives ${modelFigure(r)} against ${targetRange(r)}. Why: ${r.knownGap}.`),
    '- **I5 (MSMEs\' share of units, jobs and GDP) is not modelled.** ' + (v.results.find((r) => r.id === 'I5')?.notModelled ?? '') + '. The validation reports it as not modelled rather than passing it.',
    '- **Three measures, three names** ([docs/metrics.md](metrics.md)). L1 is the `spendingMultiplier`: local output generated round by round per rupiah of new outside demand, read from the ledger of the default economy (L1a), cross-checked by experiment as the output response to 30% more outside demand (L1b). The two need not agree: the experiment is a marginal response in which prices, capacity and savings adjust, the rounds use the run\'s average shares. `localGdpPerRupiah` (local GDP gained ÷ program cost) is a different quantity: it counts the productivity gains a program causes, so for a program that works it is several times the spending multiplier, and the two must never be compared. The `incomeMultiplier` earlier versions reported (local income gained ÷ money injected locally, checked as L1b with the program\'s teaching switched off) is retired: it did not treat services, grants and cash alike.',
    '- **Business stealing is not pinned down.** The published effect sizes (C1–C8) are estimates for participants and hold whether half or nine tenths of a participant\'s extra pull is taken from competitors; what non-participants lose, and so the local income and jobs a program creates, depends on that share. It is the first parameter to vary in a sensitivity analysis of local outcomes.',
    '- **Microcredit (C6) is slightly negative on average** in the model: most micro-businesses here are not short of working capital, so the interest costs more than the loan earns; the businesses that gain are those whose demand outruns their capacity (the top tail, C6c). The published range allows this; the model does not produce the small positive mean some sites report.',
    '- **C5 (larger firms, intensive consulting)** is reproduced only with strong links to outside markets: the local market alone is too small for consulted firms to grow employment by half. The mechanism (`marketExpansion`) is an assumption added for that design; micro defaults barely use it.',
    '- **LM3 round 2** counts what a business spends with local suppliers and staff, not its owner\'s profit withdrawals (NEF\'s "spending" round); round 3 uses each recipient sector\'s local share of all its payments.',
    '- **Targets are means over replicates.** A single run can fall outside a range; the intervals show how far.',
    '',
  );
  writeFileSync(new URL('../docs/calibration.md', import.meta.url), out.join('\n'));
  console.log(`wrote docs/calibration.md (${v.results.filter(isFailure).length} failing targets, ${v.results.filter(isOpenGap).length} known gap(s))`);
}

await main();
