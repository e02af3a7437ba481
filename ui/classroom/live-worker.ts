// A module Web Worker holding the classroom's live run: the program arm and its counterfactual stepped in
// lockstep (sim/classroom/live.ts, the same sim/ code the CLI runs) and the force layout of the program
// arm's businesses (live-layout.ts), so neither blocks the page's drawing.
/// <reference lib="webworker" />
import { createLiveRun, parseScenario, type LiveRun } from '../../sim/index.js';
import { LiveLayout } from './live-layout.js';
import type { LiveFrame, LiveRequest, LiveResponse } from './live-protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

interface Live {
  run: LiveRun;
  layout: LiveLayout;
  scenario: LiveRequest & { type: 'init' };
  sentCount: number;
  sentTies: number;
}
let live: Live | null = null;

function layoutInput(run: LiveRun) {
  const n = run.businessCount();
  return { sectors: run.sectors(), edges: run.edges(), open: run.program.b.open.slice(0, n) };
}

function start(request: LiveRequest & { type: 'init' }): Live {
  const run = createLiveRun(parseScenario(request.scenario), request.seed);
  const layout = new LiveLayout(layoutInput(run), run.scenario.economy.sectors.length);
  return { run, layout, scenario: request, sentCount: -1, sentTies: -1 };
}

function frame(l: Live, stepMs: number): { frame: LiveFrame; transfer: Transferable[] } {
  const { run, layout } = l;
  const count = run.businessCount();
  const states = run.states();
  const positions = layout.positions();
  const f: LiveFrame = {
    month: run.month,
    horizon: run.horizon,
    count,
    states,
    positions,
    radius: layout.radius,
    numbers: run.numbers(),
    stepMs,
    layoutMs: layout.layoutMs,
    firstLayoutMs: layout.firstLayoutMs,
  };
  const transfer: Transferable[] = [states.buffer, positions.buffer];
  if (l.sentCount < 0) {
    const names = run.scenario.economy.sectors.map((s) => s.name);
    f.discs = layout.sectorDiscs().map((d, i) => ({ ...d, name: names[i] ?? '' }));
  }
  if (count !== l.sentCount) {
    f.sectors = run.sectors();
    transfer.push(f.sectors.buffer);
    l.sentCount = count;
  }
  const ties = run.tieTotal();
  if (ties !== l.sentTies) {
    f.edges = run.edges();
    transfer.push(f.edges.buffer);
    l.sentTies = ties;
  }
  return { frame: f, transfer };
}

scope.onmessage = (event: MessageEvent<LiveRequest>) => {
  const request = event.data;
  const t0 = performance.now();
  try {
    if (request.type === 'init') live = start(request);
    else if (request.type === 'reset') {
      if (!live) throw new Error('reset before init');
      live = start(live.scenario);
    } else {
      if (!live) throw new Error('step before init');
      for (let k = 0; k < request.months && live.run.step(); k++) {
        live.layout.update(layoutInput(live.run));
        live.layout.relax();
      }
    }
    const { frame: f, transfer } = frame(live, performance.now() - t0);
    scope.postMessage({ id: request.id, ok: true, frame: f } satisfies LiveResponse, transfer);
  } catch (e) {
    scope.postMessage({ id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies LiveResponse);
  }
};
