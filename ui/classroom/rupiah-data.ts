// What the follow-the-rupiah view needs from one run of the model: the run's sector cells and the two
// lesson businesses' tapped accounts and recipients. Computed in a worker (rupiah-worker.ts); the traces
// are then drawn on the page for any amount with sim/classroom/rupiah.ts's pure traceRupiah.
import { parseScenario, type ScenarioInput } from '../../sim/index.js';
import { RUPIAH_MONTHS, RUPIAH_ROUNDS, type AccountRecord } from '../../sim/classroom/rupiah.js';
import { accountOf, pickBusinesses, recipientsByRound, recordRupiahRun, type RoundRecipients } from '../../sim/classroom/rupiahRun.js';

export type LessonBusiness = 'local' | 'outside';

export interface LessonAccount {
  account: AccountRecord;
  /** Enrolled in the program (participants' sector). */
  mentored: boolean;
  recipients: RoundRecipients[];
}

export interface RupiahData {
  scenario: string;
  seed: number;
  months: number;
  rounds: number;
  cells: Float64Array;
  businesses: Record<LessonBusiness, LessonAccount>;
}

export interface RupiahRequest {
  id: number;
  scenario: ScenarioInput;
  seed: number;
}

export type RupiahResponse = { id: number; ok: true; data: RupiahData } | { id: number; ok: false; error: string };

/** Run the design for RUPIAH_MONTHS with the tap, pick the lesson's businesses, collect what the view draws. */
export function computeRupiahData(input: ScenarioInput, seed: number, months = RUPIAH_MONTHS, rounds = RUPIAH_ROUNDS): RupiahData {
  const scenario = parseScenario(structuredClone(input));
  const run = recordRupiahRun(scenario, { seed, months });
  const picks = pickBusinesses(run);
  const lesson = (id: number): LessonAccount => ({
    account: accountOf(run, id),
    mentored: run.economy.businesses.membership.participant[id] === 1,
    recipients: recipientsByRound(run, id, rounds),
  });
  return { scenario: scenario.name, seed, months, rounds, cells: run.cells, businesses: { local: lesson(picks.local), outside: lesson(picks.outside) } };
}
