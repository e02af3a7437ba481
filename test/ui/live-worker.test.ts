// The live worker's module and its client, connected in Node through a fake Worker: the frames carry the
// live run's numbers and states for each month, ties and sectors only when they changed, buffers are
// transferred, reset starts the same run again, and answers to requests older than a reset or a new run
// are dropped as stale.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLiveRun, parseScenario, type ScenarioInput } from '../../sim/index.js';
import { LiveClient, StaleError } from '../../ui/classroom/live-client.js';
import type { LiveRequest, LiveResponse } from '../../ui/classroom/live-protocol.js';

type Handler = (e: MessageEvent<LiveRequest>) => void;
const scope: { onmessage: Handler | null; postMessage: (m: LiveResponse, transfer?: Transferable[]) => void } = { onmessage: null, postMessage: () => undefined };
let transferred: Transferable[][] = [];

/** A Worker whose other side is the live-worker module loaded in this process (answers asynchronously). */
class InProcessWorker {
  onmessage: ((e: MessageEvent<LiveResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor() {
    scope.postMessage = (m, transfer = []) => {
      transferred.push(transfer);
      setTimeout(() => this.onmessage?.({ data: m } as MessageEvent<LiveResponse>), 0);
    };
  }
  postMessage(request: LiveRequest) {
    setTimeout(() => scope.onmessage!({ data: structuredClone(request) } as MessageEvent<LiveRequest>), 0);
  }
  terminate() {}
}

const json = (): ScenarioInput => {
  const s = JSON.parse(readFileSync('scenarios/full-cycle.json', 'utf8'));
  return { ...s, months: 8, economy: { businesses: 160 } };
};

beforeAll(async () => {
  (globalThis as unknown as { self: unknown }).self = scope;
  await import('../../ui/classroom/live-worker.js');
});

describe('live worker and client', () => {
  it('init gives month 0 with ties, sectors and discs; each step gives the live run\'s month exactly', async () => {
    const client = new LiveClient(() => new InProcessWorker() as unknown as Worker);
    const reference = createLiveRun(parseScenario(json()), 5);
    const first = await client.init(json(), 5);
    expect(first.month).toBe(0);
    expect(first.horizon).toBe(8);
    expect(first.numbers).toBeNull();
    expect(first.count).toBe(160);
    expect(first.states).toEqual(reference.states());
    expect(first.edges).toEqual(reference.edges());
    expect(first.sectors).toEqual(reference.sectors());
    expect(first.discs!.map((d) => d.name)).toEqual(['food processing', 'retail stall', 'services', 'crafts', 'agro-processing']);
    expect(first.positions.length).toBe(320);
    expect(first.firstLayoutMs).toBeGreaterThan(0);
    let lastTies = first.edges!.length;
    for (let m = 1; m <= 8; m++) {
      transferred = [];
      const frame = await client.step(1);
      reference.step();
      expect(frame.month).toBe(m);
      expect(frame.numbers).toEqual(reference.numbers());
      expect(frame.states).toEqual(reference.states());
      expect(frame.positions.length).toBe(frame.count * 2);
      // Ties only when there are new ones; businesses' sectors only when some entered.
      const ties = reference.edges();
      if (ties.length !== lastTies) expect(frame.edges).toEqual(ties);
      else expect(frame.edges).toBeUndefined();
      lastTies = ties.length;
      // States and positions are handed over, not copied.
      expect(transferred[0]).toContain(frame.states.buffer);
      expect(transferred[0]).toContain(frame.positions.buffer);
    }
    // At the horizon a step changes nothing.
    const end = await client.step(1);
    expect(end.month).toBe(8);
    client.dispose();
  });

  it('steps several months at once; reset starts the same run again', async () => {
    const client = new LiveClient(() => new InProcessWorker() as unknown as Worker);
    await client.init(json(), 2);
    const three = await client.step(3);
    expect(three.month).toBe(3);
    const again = await client.reset();
    expect(again.month).toBe(0);
    expect(again.edges).toBeDefined(); // a new run sends its ties again
    const one = await client.step(1);
    await client.step(2);
    const reference = createLiveRun(parseScenario(json()), 2);
    reference.step();
    expect(one.numbers).toEqual(reference.numbers());
    client.dispose();
  });

  it('shows either arm: the counterfactual starts where the program arm is, both go on in lockstep, reset keeps the arm', async () => {
    const client = new LiveClient(() => new InProcessWorker() as unknown as Worker);
    const reference = createLiveRun(parseScenario(json()), 3);
    const first = await client.init(json(), 3);
    expect(first.arm).toBe('program');
    const without = await client.arm('counterfactual');
    // Month 0: the same businesses, ties and places in both economies.
    expect(without.arm).toBe('counterfactual');
    expect(without.month).toBe(0);
    expect(without.positions).toEqual(first.positions);
    expect(without.states).toEqual(reference.states('counterfactual'));
    expect(without.edges).toEqual(first.edges); // sent again after a switch
    expect(without.sectors).toEqual(first.sectors);
    for (let m = 1; m <= 6; m++) {
      const frame = await client.step(1);
      reference.step();
      expect(frame.arm).toBe('counterfactual');
      expect(frame.month).toBe(m);
      expect(frame.count).toBe(reference.businessCount('counterfactual'));
      expect(frame.states).toEqual(reference.states('counterfactual'));
      expect(frame.numbers).toEqual(reference.numbers());
    }
    // Back to the program arm at the same month: its states, its ties, and its businesses where they were.
    const back = await client.arm('program');
    expect(back.month).toBe(6);
    expect(back.states).toEqual(reference.states('program'));
    expect(back.edges).toEqual(reference.edges('program'));
    expect(back.sectors).toEqual(reference.sectors('program'));
    const other = await client.arm('counterfactual');
    // Businesses there from the start stayed put unless they gained a tie: most share their place.
    let same = 0;
    for (let id = 0; id < 160; id++) if (other.positions[2 * id] === back.positions[2 * id] && other.positions[2 * id + 1] === back.positions[2 * id + 1]) same++;
    expect(same).toBeGreaterThan(100);
    // Where a highlight's households and suppliers are drawn: the program arm's anchors, whatever arm is shown.
    const anchors = await client.anchors([0, 5, 77], [0, 1]);
    expect(anchors).toEqual(reference.anchors([0, 5, 77], [0, 1], 'program'));
    const reset = await client.reset();
    expect(reset.arm).toBe('counterfactual');
    expect(reset.month).toBe(0);
    await expect(client.arm('both' as never)).rejects.toThrow(/unknown arm both/);
    client.dispose();
  });

  it('answers to requests sent before a reset or a new run are stale; errors reach the caller', async () => {
    const client = new LiveClient(() => new InProcessWorker() as unknown as Worker);
    await client.init(json(), 1);
    const old = client.step(1);
    const reset = client.reset();
    await expect(old).rejects.toBeInstanceOf(StaleError);
    expect((await reset).month).toBe(0);
    await expect(client.init({ ...json(), economy: { businesses: -3 } } as ScenarioInput, 1)).rejects.toThrow(/businesses/);
    client.dispose();
  });
});
