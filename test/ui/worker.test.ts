// The simulation worker's own loop (ui/runner/worker.ts), run in Node with a stand-in for the worker's
// global scope: runs stepped in slices give exactly the numbers of one uninterrupted run, a queued run
// is cancelled before it starts, a run under way is cancelled between two slices, every run gets
// exactly one answer, and a scenario with a targeting expression waits for mathjs, which the worker loads
// only then.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseScenario, runScenario } from '../../sim/index.js';
import { expressionCompilerNeeded } from '../../sim/program/expressionCompiler.js';
import { digest } from '../../ui/runner/digest.js';
import type { RunRequest, RunResponse, WorkerRequest } from '../../ui/runner/protocol.js';
import { SCENARIOS } from '../../ui/state/scenarios.js';

const answers: RunResponse[] = [];
const scope = {
  onmessage: null as ((e: MessageEvent<WorkerRequest>) => void) | null,
  postMessage: (r: RunResponse) => answers.push(r),
};
const send = (r: WorkerRequest) => scope.onmessage!({ data: r } as MessageEvent<WorkerRequest>);
const answerFor = (id: number) => vi.waitFor(() => {
  const a = answers.filter((x) => x.id === id);
  expect(a).toHaveLength(1);
  return a[0];
}, { timeout: 30_000, interval: 5 });

beforeAll(async () => {
  vi.stubGlobal('self', scope);
  await import('../../ui/runner/worker.js');
});

const scenario = SCENARIOS['full-cycle'];
const request = (id: number, seed: number, months: number, sliceMs?: number): RunRequest => ({ id, scenario: structuredClone(scenario), seed, months, full: false, sliceMs });

describe('simulation worker', () => {
  it('a run stepped in 1 ms slices gives the digest of one uninterrupted run (all metrics recorded), value for value', async () => {
    send(request(1, 3, 12, 1));
    const a = await answerFor(1);
    if (!a.ok) throw new Error('run failed');
    const whole = digest(runScenario(parseScenario(structuredClone(scenario)), { seed: 3, months: 12 }));
    expect(a.digest).toEqual(whole);
    expect(a.digest.summary.jobs.effect).toBe(whole.summary.jobs.effect);
    expect(a.ms).toBeGreaterThan(0);
  });

  it('cancels a queued run at once and a running one between slices; the next run is unaffected', async () => {
    send(request(10, 5, 36, 1));
    send(request(11, 6, 36, 1));
    send(request(12, 7, 12, 1));
    send({ cancel: 11 }); // not started: leaves the queue
    await new Promise((r) => setTimeout(r, 5)); // run 10 is under way (36 months take far longer)
    send({ cancel: 10 });
    expect(await answerFor(11)).toEqual({ id: 11, ok: false, cancelled: true });
    expect(await answerFor(10)).toEqual({ id: 10, ok: false, cancelled: true });
    const last = await answerFor(12);
    if (!last.ok) throw new Error('run failed');
    expect(last.digest).toEqual(digest(runScenario(parseScenario(structuredClone(scenario)), { seed: 7, months: 12 })));
    // A cancel for a run already answered is ignored (no second answer).
    send({ cancel: 12 });
    await new Promise((r) => setTimeout(r, 20));
    expect(answers.filter((x) => x.id === 12)).toHaveLength(1);
    expect(answers.filter((x) => x.id === 10)).toHaveLength(1);
  });

  it('a scenario with a targeting expression: the worker loads mathjs first, then runs it in order with the others', async () => {
    const expression = structuredClone(scenario);
    expression.program = { ...expression.program, targeting: { rule: 'expression', expression: 'sector == 4' } };
    expect(expressionCompilerNeeded(expression)).toBe(true); // not loaded by the page's modules or the worker
    send({ id: 20, scenario: expression, seed: 2, months: 6, full: false });
    send(request(21, 2, 6));
    const a = await answerFor(20);
    if (!a.ok) throw new Error(`run failed: ${'error' in a ? a.error : ''}`);
    expect(expressionCompilerNeeded(expression)).toBe(false);
    expect(a.digest).toEqual(digest(runScenario(parseScenario(structuredClone(expression)), { seed: 2, months: 6 })));
    expect(a.digest.participants).toBeGreaterThan(0);
    const b = await answerFor(21);
    expect(b.ok).toBe(true);
    expect(answers.findIndex((x) => x.id === 20)).toBeLessThan(answers.findIndex((x) => x.id === 21));
  });
});
