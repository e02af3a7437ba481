// The index of the model's mechanisms: a few causal paths (which functions carry a program's effect, in
// order), then every switch of `mechanisms` in the scenario with the functions it acts in. It holds the
// functions themselves, not their names, and is typed by the schema's switch names, so a renamed function
// or a switch added to the schema and missing here fails the type check. Read-only data: nothing runs it.
import type { MechanismName } from './scenario/schema.js';
import { applyShocks } from './phases/shocks.js';
import { runProgram } from './phases/program.js';
import { learn } from './phases/learning.js';
import { adoptPractices } from './phases/practices.js';
import { decide, fire } from './phases/decisions.js';
import { trade } from './phases/market.js';
import { payIncomes } from './phases/incomes.js';
import { runLocalSectors } from './phases/localSectors.js';
import { closeBusiness, exitAndEnter } from './phases/entryExit.js';
import { setupProgram } from './program/setup.js';
import { cashPerRecipient } from './program/costs.js';
import { pickCashRecipients } from './program/cashRecipients.js';
import { cashSchedule } from './program/cashSchedule.js';
import { drawOwnerAndCapacities, setTechnology } from './state/init.js';
import { addTie } from './state/ties.js';
import { lm3 } from './metrics/lm3.js';

/** Any function of the model. */
export type ModelFunction = (...args: never[]) => unknown;

export interface PathStep {
  readonly fn: ModelFunction;
  /** What this function does on the path, in one line. */
  readonly does: string;
}

export interface CausalPath {
  readonly question: string;
  /** In the order they act; a phase may come back in a later month. */
  readonly steps: readonly PathStep[];
  /** Switches that cut or weaken the path when off. */
  readonly switches: readonly MechanismName[];
}

/** How a program's effect travels: the functions, in order, that carry it. */
export const PATHS = {
  mentoringRaisesProfit: {
    question: 'How does mentoring raise participants\' profit?',
    steps: [
      { fn: setupProgram, does: 'enrols participants in cohorts (in both runs) and gives each cohort ceil(size / caseload) mentors, each with a competence' },
      { fn: runProgram, does: 'in a cohort\'s first mentoring.months months, pays the mentors and sets each open member\'s visits = visitsPerMonth × visit capacity × (0.5 + 0.5 × attendance)' },
      { fn: learn, does: 'visits close mentoringRate × competence × trust × (1 − exp(−visits / visitsHalfEffect)) of each capacity gap, trust rises, and mentorInformation moves halfway to competence × trust; once visits stop, learned capacity fades and the information decays' },
      { fn: adoptPractices, does: 'learned bookkeeping and digital capacity raise the monthly chance of keeping books, separating money and opening a digital channel' },
      { fn: decide, does: 'learned production and management raise productivity and cut waste, new books add a markup, learned marketing and mindset raise pull, and the mentor\'s information cuts the raw-material price: unitCostPaid falls' },
      { fn: trade, does: 'households split their local spending over the shops they know by pull (the business-stealing share of the gain is taken from competitors, the rest from imports); learned marketing and a new digital channel add outside orders' },
      { fn: payIncomes, does: 'profit = turnover − units sold × unitCostPaid − overheads − wages − taxes − interest: more sales and a lower unit cost raise it' },
    ],
    switches: ['learning', 'attendanceLimits', 'resistance', 'fadeOut', 'capacityToPerformance', 'practiceAdoption', 'mentorInformation'],
  },
  cashReachesLocalBusinesses: {
    question: 'How does a cash transfer reach local businesses?',
    steps: [
      { fn: pickCashRecipients, does: 'picks cashTransfer.households households by the eligibility rule (poorest by starting income or money, women-headed, random) from the starting economy; they enrol no business' },
      { fn: cashPerRecipient, does: 'each recipient\'s total is amountRupiahPerHousehold, or else the budget the other levers leave (leverCost), net of deliveryCostShare, split equally' },
      { fn: cashSchedule, does: 'splits the total into whole-rupiah payments by the schedule\'s shares, in months counted from program.startMonth' },
      { fn: runProgram, does: 'in each scheduled month pays every recipient household its payment (cashTransfers) and the delivery cost outside, and adds it to the household\'s transfer not yet spent (transferUnspent)' },
      { fn: trade, does: 'from that month on, each month it counts transferSpendingPerMonth of the transfer not yet spent as income and spends marginalPropensityToConsume of it (plus a share of its other money); localSpendingShare of that is paid to the shops it knows by pull (consumption), the blocks get their shares, the rest and what shops cannot deliver is imported; the shops\' expected demand rises' },
      { fn: payIncomes, does: 'at the close of the month the ledger counts the transfer in the household\'s income (incomeLast), and records how much of it was transfer (transferInIncome), which the market phase replaces by the part counted as spent' },
      { fn: decide, does: 'the month after, those shops plan more output: more raw materials (the local share to their supplier), and they may hire' },
      { fn: payIncomes, does: 'their extra turnover pays wages and owner draws, and their suppliers pay out to their households: the next round of local income' },
    ],
    switches: ['hiring'],
  },
  localInputsKeepMoneyLocal: {
    question: 'How do local inputs keep money local?',
    steps: [
      { fn: runProgram, does: 'resource access with supplierLinks raises each open participant\'s localInputShare above its start, for good' },
      { fn: decide, does: 'a business pays localInputShare of its raw materials to its one local supplier (localInputs) and the rest outside (importedInputs)' },
      { fn: payIncomes, does: 'the supplier pays importShare of its sales outside (supplierImports) and all the rest to its owner household (supplierPayouts), in the same month' },
      { fn: trade, does: 'next month that household spends the payout like any income: localSpendingShare of its consumption goes back to local shops' },
      { fn: lm3, does: 'LM3 counts the payments to local suppliers and staff as round 2, and what those sectors spend locally as round 3' },
    ],
    switches: [],
  },
  forumsCushionShocks: {
    question: 'How do forums soften a raw-material price shock?',
    steps: [
      { fn: applyShocks, does: 'while a rawMaterialPrice shock is on, inputPriceFactor = Π(1 + size)' },
      { fn: runProgram, does: 'in a cohort\'s first month, groups its participants (by sector) into forums of forums.size and pays the meetings for forums.months months' },
      { fn: addTie, does: 'every pair in a forum gets a tie, which also carries spillovers and peer pressure on resistance' },
      { fn: decide, does: 'inside an active forum, shockCushion of the price rise is absorbed and joint purchasing cuts the price: unitCostPaid rises less' },
      { fn: payIncomes, does: 'units sold are charged at unitCostPaid, so forum members\' profit falls less during the shock' },
    ],
    switches: ['shockCushioning', 'networkSpillovers'],
  },
} satisfies Record<string, CausalPath>;

export interface Mechanism {
  /** What the switch does when on, in one line. */
  readonly does: string;
  /** The functions whose code tests this switch. */
  readonly readIn: readonly ModelFunction[];
  /** Exported helpers the switched code calls. */
  readonly via: readonly ModelFunction[];
  /** Later functions that carry on what it changed (the same month or after). */
  readonly reaches: readonly ModelFunction[];
  /** Where inside `readIn` (a block or a helper private to its file). */
  readonly where: string;
  /** What turns off when it is off, and what still acts. */
  readonly whenOff: string;
  /** The section of docs/model.md that describes it. */
  readonly doc: `§${string}`;
}

/** Every switch of `mechanisms` in the scenario (all on by default). */
export const MECHANISMS = {
  learning: {
    does: 'capacities grow with training and mentoring (program run only)',
    readIn: [learn],
    via: [],
    reaches: [adoptPractices, decide, trade],
    where: 'the capacity-growth block of learn, which also updates trust and wears down resistance (peerAdoptionShare)',
    whenOff: 'capacity growth from training and mentoring; the trust and resistance updates, which sit in the same block. Mentors\' market information still builds up (with trust left at initialTrust)',
    doc: '§7.3',
  },
  attendanceLimits: {
    does: 'time available, resistance and month-to-month noise limit attendance',
    readIn: [runProgram],
    via: [],
    reaches: [learn],
    where: 'the attendance loop of runProgram, which also sets visits from attendance',
    whenOff: 'time, resistance and noise in attendance (attendance = 1, or as boosted by monitoring and clamped)',
    doc: '§7.2',
  },
  resistance: {
    does: 'resistance to change cuts attendance and uptake, and is worn down by the program, adaptive mentoring and peers',
    readIn: [runProgram, learn],
    via: [],
    reaches: [learn],
    where: 'the attendance loop of runProgram; in learn, the uptake factor and the decay at the end of the capacity-growth block',
    whenOff: 'resistance in attendance and uptake, and its decay',
    doc: '§7.3',
  },
  fadeOut: {
    does: 'learned capacity fades in months without a visit or a session, slower for a practice kept',
    readIn: [learn],
    via: [],
    reaches: [adoptPractices, decide, trade],
    where: 'the fade-out block of learn (both runs)',
    whenOff: 'the fade of learned capacity',
    doc: '§7.3',
  },
  capacityToPerformance: {
    does: 'learned capacity sets productivity, waste, the bookkeeping markup, pull and the outside marketing gain',
    readIn: [decide, trade],
    via: [],
    reaches: [payIncomes],
    where: 'the capacities → performance block at the top of decide; the outside-orders loop of trade',
    whenOff: 'learned capacity → productivity, waste, bookkeeping markup, pull, outside marketing gain. Digital uplift, market links, market expansion (which reads learned marketing itself), forum promotion and mentors\' market information still act',
    doc: '§7.5',
  },
  practiceAdoption: {
    does: 'bookkeeping, separated money and digital channels are adopted from learned capacity, plus a secular digital trend',
    readIn: [adoptPractices],
    via: [],
    reaches: [learn, decide, trade, payIncomes],
    where: 'all of adoptPractices; the practices then slow fade-out, wear down peers\' resistance, add the markup, the digital outside sales, and spare separated money the household emergencies',
    whenOff: 'all adoption, including the secular digital trend, in both runs',
    doc: '§7.4',
  },
  hiring: {
    does: 'businesses hire when demand outruns capacity and cash allows, and let the last worker go when they add too little',
    readIn: [decide, payIncomes],
    via: [fire],
    reaches: [payIncomes],
    where: 'the hire-or-fire block of decide (hire is private to decisions.ts); payIncomes keeps the cash a justified hire needs',
    whenOff: 'hiring and letting go, and the cash kept back for a hire',
    doc: '§7.5',
  },
  exit: {
    does: 'businesses close after distressMonthsToExit months without cash to produce, or by the base hazard',
    readIn: [exitAndEnter],
    via: [closeBusiness, fire],
    reaches: [trade],
    where: 'exits, private to entryExit.ts; households replace closed shops in the market\'s shop switching',
    whenOff: 'distress exits and the base hazard',
    doc: '§7.8',
  },
  entry: {
    does: 'new businesses open with capital from a founder household\'s savings',
    readIn: [exitAndEnter],
    via: [drawOwnerAndCapacities, setTechnology, addTie],
    reaches: [trade],
    where: 'entries, private to entryExit.ts; households find entrants only by shop switching',
    whenOff: 'entrants',
    doc: '§7.8',
  },
  networkSpillovers: {
    does: 'learned capacity spreads along informal and forum ties',
    readIn: [learn],
    via: [],
    reaches: [adoptPractices, decide, trade],
    where: 'spill, private to learning.ts, at the end of learn (both runs)',
    whenOff: 'spillovers along ties. Peer-driven resistance decay still acts',
    doc: '§7.3',
  },
  shockCushioning: {
    does: 'an active forum absorbs part of a raw-material price rise',
    readIn: [decide],
    via: [],
    reaches: [payIncomes],
    where: 'the raw-material price block of decide; needs a rawMaterialPrice shock (applyShocks) and an active forum (runProgram)',
    whenOff: 'forums absorbing raw-material price rises',
    doc: '§7.5',
  },
  investment: {
    does: 'businesses whose demand outruns capacity buy equipment when it pays back in 24 months and cash is ample',
    readIn: [decide],
    via: [],
    reaches: [decide],
    where: 'the investment block at the end of decide; the productivity gain acts from the next month',
    whenOff: 'equipment purchases',
    doc: '§7.5',
  },
  marketExpansion: {
    does: 'market links open outside orders that grow with learned marketing while the business can deliver',
    readIn: [trade],
    via: [],
    reaches: [trade],
    where: 'the outside-orders loop of trade; marketLinks are set by runProgram at resourceAccess.month',
    whenOff: 'growth of outside orders through market links (§7.6); the links\' fixed gain on outsideBase still acts',
    doc: '§7.6',
  },
  mentorInformation: {
    does: 'mentors\' market information cuts the raw-material price while visits go on, and fades after',
    readIn: [learn],
    via: [],
    reaches: [decide, payIncomes],
    where: 'the mentor-information block of learn (runs even with learning off); decide applies the discount to unitCostPaid',
    whenOff: 'mentors\' market information and its raw-material discount (§7.3, §7.5)',
    doc: '§7.3',
  },
  localSectors: {
    does: 'farms, trade and services, small and medium firms and local government sell to households, to each other and outside, employ and pay local households, and pay their surplus to the households that own them',
    readIn: [runLocalSectors],
    via: [],
    reaches: [trade, payIncomes],
    where: 'runLocalSectors (sales, inputs, wages, surplus, hiring, prices); households order from the blocks in trade',
    whenOff: 'the sector blocks: households buy only from micro-businesses or outside, and their other income is all from outside (the narrow economy of earlier versions)',
    doc: '§7.11',
  },
  wageCurve: {
    does: 'the local wage follows unused labour (unemployed and short hours) along the wage curve',
    readIn: [runLocalSectors],
    via: [],
    reaches: [decide, payIncomes],
    where: 'moveWage, private to localSectors.ts; micro-businesses pay wageRupiahPerMonth × the wage index',
    whenOff: 'wage changes: the wage index stays 1',
    doc: '§7.11',
  },
} satisfies Record<MechanismName, Mechanism>;
