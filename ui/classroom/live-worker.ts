// A module Web Worker holding the classroom's live run: the program arm and its counterfactual stepped in
// lockstep (sim/classroom/live.ts, the same sim/ code the CLI runs) and the force layout of each arm's
// businesses (live-layout.ts), so neither blocks the page's drawing. Both arms start as the same
// businesses with the same ties, so the counterfactual's layout starts as a copy of the program's: the
// businesses they share stay in the same place, and switching the picture between them shows only what
// differs.
/// <reference lib="webworker" />
import { createLiveRun, parseScenario, LIVE_ARMS, type LiveArm, type LiveRun } from '../../sim/index.js';
import { LiveLayout } from './live-layout.js';
import type { LiveFrame, LiveRequest, LiveResponse } from './live-protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

interface Live {
  run: LiveRun;
  layouts: Record<LiveArm, LiveLayout>;
  /** The arm the frames show. */
  arm: LiveArm;
  scenario: LiveRequest & { type: 'init' };
  /** What the page already has of the arm shown (sent again after a switch). */
  sentCount: number;
  sentTies: number;
}
let live: Live | null = null;

function layoutInput(run: LiveRun, arm: LiveArm) {
  const n = run.businessCount(arm);
  return { sectors: run.sectors(arm), edges: run.edges(arm), open: (arm === 'program' ? run.program : run.counterfactual).businesses.life.open.slice(0, n) };
}

function checkArm(arm: unknown): LiveArm {
  if (!LIVE_ARMS.includes(arm as LiveArm)) throw new Error(`unknown arm ${String(arm)}: expected ${LIVE_ARMS.join(' or ')}`);
  return arm as LiveArm;
}

function start(request: LiveRequest & { type: 'init' }, arm: LiveArm): Live {
  const run = createLiveRun(parseScenario(request.scenario), request.seed);
  const program = new LiveLayout(layoutInput(run, 'program'), run.scenario.economy.sectors.length);
  return { run, layouts: { program, counterfactual: program.clone() }, arm, scenario: request, sentCount: -1, sentTies: -1 };
}

function frame(l: Live, stepMs: number): { frame: LiveFrame; transfer: Transferable[] } {
  const { run, arm } = l;
  const layout = l.layouts[arm];
  const count = run.businessCount(arm);
  const states = run.states(arm);
  const positions = layout.positions();
  const f: LiveFrame = {
    arm,
    month: run.month,
    horizon: run.horizon,
    count,
    states,
    positions,
    radius: layout.radius,
    numbers: run.numbers(),
    stepMs,
    layoutMs: l.layouts.program.layoutMs + l.layouts.counterfactual.layoutMs - l.layouts.program.firstLayoutMs,
    firstLayoutMs: l.layouts.program.firstLayoutMs,
  };
  const transfer: Transferable[] = [states.buffer, positions.buffer];
  if (l.sentCount < 0) {
    const names = run.scenario.economy.sectors.map((s) => s.name);
    f.discs = layout.sectorDiscs().map((d, i) => ({ ...d, name: names[i] ?? '' }));
  }
  if (count !== l.sentCount) {
    f.sectors = run.sectors(arm);
    transfer.push(f.sectors.buffer);
    l.sentCount = count;
  }
  const ties = run.tieTotal(arm);
  if (ties !== l.sentTies) {
    f.edges = run.edges(arm);
    transfer.push(f.edges.buffer);
    l.sentTies = ties;
  }
  return { frame: f, transfer };
}

scope.onmessage = (event: MessageEvent<LiveRequest>) => {
  const request = event.data;
  const t0 = performance.now();
  try {
    if (request.type === 'anchors') {
      if (!live) throw new Error('anchors before init');
      const anchors = live.run.anchors(request.households, request.suppliers, 'program');
      scope.postMessage({ id: request.id, ok: true, anchors } satisfies LiveResponse, [anchors.households.buffer, anchors.suppliers.buffer]);
      return;
    }
    if (request.type === 'init') live = start(request, checkArm(request.arm ?? 'program'));
    else if (request.type === 'reset') {
      if (!live) throw new Error('reset before init');
      live = start(live.scenario, live.arm);
    } else if (request.type === 'arm') {
      if (!live) throw new Error('arm before init');
      live.arm = checkArm(request.arm);
      // The page holds the other arm's sectors and ties: send this arm's with the next frame.
      live.sentCount = -1;
      live.sentTies = -1;
    } else {
      if (!live) throw new Error('step before init');
      for (let k = 0; k < request.months && live.run.step(); k++) {
        for (const arm of LIVE_ARMS) {
          live.layouts[arm].update(layoutInput(live.run, arm));
          live.layouts[arm].relax();
        }
      }
    }
    const { frame: f, transfer } = frame(live, performance.now() - t0);
    scope.postMessage({ id: request.id, ok: true, frame: f } satisfies LiveResponse, transfer);
  } catch (e) {
    scope.postMessage({ id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies LiveResponse);
  }
};
