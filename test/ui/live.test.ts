// @vitest-environment happy-dom
// The live economy view as rendered, driven by a fake simulation source: how states are drawn (colour,
// shape, ring — the same codes as sim/classroom/live.ts), which controls are enabled when, the numbers
// shown, the announcements, reduced motion / pause, highlight, and a new run on a new scenario or seed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveState } from '../../sim/classroom/live.js';
import type { LiveArm, ScenarioInput } from '../../sim/index.js';
import { EconomyView, sectorLabelPositions, type LiveSource } from '../../ui/classroom/economy-view.js';
import type { LiveFrame } from '../../ui/classroom/live-protocol.js';
import { CODE, COLOURS, countStates, nodeStyle, sparklinePath, sparklineZero, styleGroup } from '../../ui/classroom/live-style.js';
import { MESSAGE_FILES } from '../../ui/i18n/i18n.js';
import { OKABE_ITO } from '../../ui/charts/palette.js';

describe('state codes → what is drawn', () => {
  it('the view reads the same codes the live run writes', () => {
    expect(CODE.CLOSED).toBe(LiveState.CLOSED);
    expect(CODE.STRUGGLING).toBe(LiveState.STRUGGLING);
    expect(CODE.STEADY).toBe(LiveState.STEADY);
    expect(CODE.GROWING).toBe(LiveState.GROWING);
    expect(CODE.PERFORMANCE).toBe(LiveState.PERFORMANCE_MASK);
    expect(CODE.DIGITAL).toBe(LiveState.DIGITAL);
    expect(CODE.MENTORED).toBe(LiveState.MENTORED);
  });

  it('performance sets the fill (Okabe–Ito), digital the shape, mentored the ring; closed is hollow with no flags', () => {
    expect(nodeStyle(LiveState.GROWING)).toEqual({ performance: 'growing', fill: OKABE_ITO.bluishGreen, stroke: null, shape: 'circle', ring: false });
    expect(nodeStyle(LiveState.STRUGGLING | LiveState.DIGITAL)).toEqual({ performance: 'struggling', fill: OKABE_ITO.vermillion, stroke: null, shape: 'square', ring: false });
    expect(nodeStyle(LiveState.STEADY | LiveState.MENTORED)).toMatchObject({ performance: 'steady', shape: 'circle', ring: true });
    expect(nodeStyle(LiveState.GROWING | LiveState.DIGITAL | LiveState.MENTORED)).toMatchObject({ performance: 'growing', shape: 'square', ring: true });
    expect(nodeStyle(LiveState.CLOSED)).toEqual({ performance: 'closed', fill: null, stroke: COLOURS.closed, shape: 'circle', ring: false });
    // The three performance colours are distinct.
    expect(new Set([COLOURS.growing, COLOURS.steady, COLOURS.struggling]).size).toBe(3);
  });

  it('every code falls in exactly one of the eight drawing groups (performance × shape)', () => {
    const groups = new Set<number>();
    for (let code = 0; code < 16; code++) {
      if ((code & CODE.PERFORMANCE) === 0 && code !== 0) continue; // closed carries no flags
      const g = styleGroup(code);
      expect(g).toBeGreaterThanOrEqual(0);
      expect(g).toBeLessThan(8);
      expect(g >> 1).toBe(code & CODE.PERFORMANCE);
      expect(g & 1).toBe(nodeStyle(code).shape === 'square' ? 1 : 0);
      groups.add(g);
    }
    expect(groups.size).toBe(7); // closed is always drawn round
  });

  it('counts states: performance classes partition the businesses; digital and mentored are flags', () => {
    const s = LiveState;
    const c = countStates(Uint8Array.from([s.CLOSED, s.GROWING | s.DIGITAL, s.STEADY | s.MENTORED, s.STRUGGLING, s.GROWING | s.MENTORED | s.DIGITAL]));
    expect(c).toEqual({ growing: 2, steady: 1, struggling: 1, closed: 1, digital: 2, mentored: 2 });
  });

  it('sector labels sit over each sector\'s businesses, above most of them', () => {
    const positions = Float32Array.from([0, 0, 2, -4, 1, 3, 20, 0, 22, -2]);
    const sectors = Uint8Array.from([0, 0, 0, 1, 1]);
    const discs = [{ x: 0, y: 0, r: 5, name: 'a' }, { x: 21, y: 0, r: 5, name: 'b' }, { x: 50, y: 0, r: 5, name: 'c' }];
    const labels = sectorLabelPositions(positions, sectors, discs);
    expect(labels[0]).toEqual({ x: 1, y: -4, name: 'a' });
    expect(labels[1]).toEqual({ x: 22, y: -2, name: 'b' });
    expect(labels[2]).toEqual({ x: 50, y: -5, name: 'c' }); // no businesses: the top of its disc
  });
});

describe('sparklines of the numbers so far', () => {
  it('spans months 1..horizon left to right and the values\' range top to bottom; gaps break the line', () => {
    expect(sparklinePath([], 36, 120, 26)).toBe('');
    // Three months of 36: the line covers the first 2/35 of the width; the highest value is at the top.
    expect(sparklinePath([1, 3, 2], 36, 120, 26)).toBe('M0.0,24.0L3.4,2.0L6.9,13.0');
    expect(sparklinePath([1, null, 2], 3, 120, 26)).toBe('M0.0,24.0M120.0,2.0');
    // A flat line sits in the middle.
    expect(sparklinePath([5, 5], 2, 100, 22)).toBe('M0.0,11.0L100.0,11.0');
  });

  it('effects include 0 in their range, with the zero line where 0 falls', () => {
    expect(sparklinePath([2, 4], 2, 100, 24, true)).toBe('M0.0,12.0L100.0,2.0');
    expect(sparklineZero([2, 4], 24)).toBe(22);
    expect(sparklineZero([-1, 1], 24)).toBe(12);
    expect(sparklineZero([null], 24)).toBeNull();
  });
});

describe('message files', () => {
  it('live.* strings: the same keys in Bahasa Indonesia and English, all prefixed, none empty', () => {
    const id = MESSAGE_FILES.id.live;
    const en = MESSAGE_FILES.en.live;
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const [k, v] of [...Object.entries(id), ...Object.entries(en)]) {
      expect(k.startsWith('live.')).toBe(true);
      expect(v.trim()).not.toBe('');
    }
  });
});

// ---- the element with a fake source ----

const HORIZON = 3;
const N = 4;

/**
 * A fake live run: month m has jobs 100 + m, every business growing from month 1 on, one entrant at month 2.
 * Without the program: jobs 90 + m, every business struggling from month 1 on, no ring, no entrant.
 */
class FakeSource implements LiveSource {
  month = 0;
  shows: LiveArm = 'program';
  inits: { scenario: ScenarioInput; seed: number; arm?: LiveArm }[] = [];
  arms: LiveArm[] = [];
  anchorCalls: { households: readonly number[]; suppliers: readonly number[] }[] = [];
  steps = 0;
  disposed = false;
  private frame(): LiveFrame {
    const program = this.shows === 'program';
    const count = this.month >= 2 && program ? N + 1 : N;
    const states = new Uint8Array(count).fill(this.month === 0 ? LiveState.STEADY : program ? LiveState.GROWING : LiveState.STRUGGLING);
    if (program) states[0] |= LiveState.MENTORED;
    const positions = new Float32Array(count * 2).map((_, i) => (i % 2 ? i : -i) + this.month);
    return {
      arm: this.shows,
      month: this.month,
      horizon: HORIZON,
      count,
      states,
      positions,
      sectors: new Uint8Array(count),
      edges: Int32Array.from([0, 1, 1, 2]),
      discs: [{ x: 0, y: 0, r: 3, name: 'food processing' }],
      radius: 5,
      numbers:
        this.month === 0
          ? null
          : {
              month: this.month,
              jobs: 100 + this.month,
              jobsEffect: this.month / 2,
              localGdp: 6.3e6 * this.month,
              localGdpPerRupiah: 1.25,
              open: this.month >= 2 ? N + 1 : N,
              counterfactualJobs: 90 + this.month,
              counterfactualLocalGdp: 5e6 * this.month,
              counterfactualOpen: N - 1,
            },
      stepMs: 1,
      layoutMs: 2,
      firstLayoutMs: 2,
    };
  }
  async init(scenario: ScenarioInput, seed: number, arm?: LiveArm) {
    this.inits.push({ scenario, seed, arm });
    this.month = 0;
    this.shows = arm ?? 'program';
    return this.frame();
  }
  /** Household i beside business i mod N, every supplier beside business 0. */
  async anchors(households: readonly number[], suppliers: readonly number[]) {
    this.anchorCalls.push({ households, suppliers });
    return { households: Int32Array.from(households, (i) => i % N), suppliers: Int32Array.from(suppliers, () => 0) };
  }
  async arm(arm: LiveArm) {
    this.arms.push(arm);
    this.shows = arm;
    return this.frame();
  }
  async step(months = 1) {
    this.steps++;
    this.month = Math.min(HORIZON, this.month + months);
    return this.frame();
  }
  async reset() {
    this.month = 0;
    return this.frame();
  }
  dispose() {
    this.disposed = true;
  }
}

const scenario = { name: 'full-cycle', economy: { businesses: 4 } } as unknown as ScenarioInput;

async function mount(): Promise<{ el: EconomyView; source: FakeSource }> {
  const source = new FakeSource();
  EconomyView.createSource = () => source;
  const el = document.createElement('pendamping-economy-view');
  el.scenario = scenario;
  el.seed = 7;
  el.locale = 'en';
  document.body.append(el);
  await vi.waitFor(() => expect(el.status).toBe('ready'));
  await el.updateComplete;
  return { el, source };
}

const q = (el: EconomyView, testid: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!;
const button = (el: EconomyView, testid: string) => q(el, testid) as HTMLButtonElement;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('<pendamping-economy-view>', () => {
  it('starts a run for its scenario and seed, at month 0 with every control and readout present', async () => {
    const { el, source } = await mount();
    expect(source.inits).toHaveLength(1);
    expect(source.inits[0].seed).toBe(7);
    expect(source.inits[0].scenario).toEqual(scenario);
    expect(el.month).toBe(0);
    for (const id of ['live-play', 'live-step', 'live-reset', 'live-speed', 'live-month', 'live-jobs', 'live-jobs-effect', 'live-local-gdp', 'live-local-gdp-per-rupiah', 'live-canvas', 'live-legend']) {
      expect(q(el, id), id).not.toBeNull();
    }
    expect(q(el, 'live-month').textContent).toContain('Month 0 of 3');
    expect(q(el, 'live-jobs').textContent!.trim()).toBe('—');
    expect(button(el, 'live-play').disabled).toBe(false);
    expect(button(el, 'live-play').getAttribute('aria-pressed')).toBe('false');
    expect(button(el, 'live-step').disabled).toBe(false);
    expect(button(el, 'live-reset').disabled).toBe(true); // nothing to reset at month 0
    // The legend names every state, with counts.
    const legend = [...q(el, 'live-legend').querySelectorAll('li')].map((li) => li.dataset.key);
    expect(legend).toEqual(['growing', 'steady', 'struggling', 'closed', 'digital', 'mentored', 'ties']);
    expect(q(el, 'live-legend').querySelector('[data-key="steady"] .count')!.textContent).toBe('4');
    // The canvas is an image with a description of what it shows.
    expect(q(el, 'live-canvas').getAttribute('role')).toBe('img');
    expect(q(el, 'live-canvas').getAttribute('aria-label')).toContain('4 steady');
  });

  it('step advances one month and shows its numbers (formatted, raw in data-value) and announces them', async () => {
    const { el } = await mount();
    button(el, 'live-step').click();
    await vi.waitFor(() => expect(el.month).toBe(1));
    await el.updateComplete;
    expect(q(el, 'live-month').dataset.value).toBe('1');
    expect(q(el, 'live-jobs').dataset.value).toBe('101');
    expect(q(el, 'live-jobs').textContent!.trim()).toBe('101');
    expect(q(el, 'live-jobs-effect').textContent!.trim()).toBe('+0.5');
    expect(q(el, 'live-local-gdp').textContent!.trim()).toBe('Rp 6.3 million');
    expect(q(el, 'live-local-gdp-per-rupiah').textContent!.trim()).toBe('1.25');
    expect(q(el, 'live-announcement').textContent).toContain('Month 1: jobs 101');
    expect(q(el, 'live-announcement').getAttribute('aria-live')).toBe('polite');
    // Each number has a small line of its months so far.
    expect(q(el, 'live-jobs-spark').querySelector('path')!.getAttribute('d')).toMatch(/^M0\.0,/);
    button(el, 'live-step').click();
    await vi.waitFor(() => expect(el.month).toBe(2));
    await el.updateComplete;
    expect(q(el, 'live-jobs-spark').querySelector('path')!.getAttribute('d')).toMatch(/^M0\.0,[\d.]+L60\.0,/);
    expect(button(el, 'live-reset').disabled).toBe(false);
  });

  it('play presses the button and disables step; pause re-enables it; nothing is announced while playing', async () => {
    const { el } = await mount();
    el.play();
    await el.updateComplete;
    expect(el.playing).toBe(true);
    expect(button(el, 'live-play').getAttribute('aria-pressed')).toBe('true');
    expect(button(el, 'live-step').disabled).toBe(true);
    await vi.waitFor(() => expect(el.month).toBeGreaterThanOrEqual(1), { timeout: 3000 });
    expect(q(el, 'live-announcement').textContent!.trim()).toBe('');
    el.pause();
    await vi.waitFor(() => expect(el.playing).toBe(false));
    await el.updateComplete;
    expect(button(el, 'live-play').getAttribute('aria-pressed')).toBe('false');
    await vi.waitFor(() => expect(button(el, 'live-step').disabled).toBe(false));
    await vi.waitFor(() => expect(q(el, 'live-announcement').textContent).toMatch(/Month \d: jobs/));
  });

  it('plays to the horizon and stops there: play and step disabled, reset goes back to month 0', async () => {
    const { el } = await mount();
    el.speed = 8;
    el.togglePlay();
    await vi.waitFor(() => expect(el.month).toBe(HORIZON), { timeout: 5000 });
    await vi.waitFor(() => expect(el.playing).toBe(false));
    await el.updateComplete;
    expect(button(el, 'live-play').disabled).toBe(true);
    expect(button(el, 'live-step').disabled).toBe(true);
    expect(q(el, 'live-announcement').textContent).toContain('End of the simulation, month 3');
    await el.reset();
    await el.updateComplete;
    expect(el.month).toBe(0);
    expect(button(el, 'live-play').disabled).toBe(false);
    expect(q(el, 'live-jobs').textContent!.trim()).toBe('—');
  });

  it('the page\'s pause-animation toggle stops playing', async () => {
    const { el } = await mount();
    el.speed = 0.5;
    el.play();
    expect(el.playing).toBe(true);
    el.paused = true;
    await el.updateComplete;
    expect(el.playing).toBe(false);
    expect(el.hasAttribute('paused')).toBe(true);
  });

  it('speed is a native select of months per second', async () => {
    const { el } = await mount();
    const select = q(el, 'live-speed') as HTMLSelectElement;
    expect([...select.options].map((o) => Number(o.value))).toEqual([0.5, 1, 2, 4, 8]);
    select.value = '4';
    select.dispatchEvent(new Event('change'));
    expect(el.speed).toBe(4);
  });

  it('a highlight from follow the rupiah is off until asked for; then it is described beside the canvas', async () => {
    const { el, source } = await mount();
    el.highlight = { round: 2, businesses: [0, 2], households: [5, 6, 7], suppliers: [1] };
    await el.updateComplete;
    // A fresh highlight lights nothing and adds no note: only a button to turn it on.
    expect(el.spotlight).toBe(false);
    expect(q(el, 'live-highlight')).toBeNull();
    expect(button(el, 'live-spotlight').getAttribute('aria-pressed')).toBe('false');
    expect(button(el, 'live-spotlight').textContent).toContain('Light up rupiah round 2');
    button(el, 'live-spotlight').click();
    await el.updateComplete;
    expect(el.spotlight).toBe(true);
    expect(button(el, 'live-spotlight').getAttribute('aria-pressed')).toBe('true');
    expect(q(el, 'live-highlight').textContent).toContain('Rupiah round 2: 2 businesses lit up, 3 households, 1 suppliers');
    // The run is asked where its households and suppliers are drawn (beside which business), once.
    await vi.waitFor(() => expect(source.anchorCalls).toEqual([{ households: [5, 6, 7], suppliers: [1] }]));
    expect(q(el, 'live-highlight').textContent).toContain('households (sky-blue dots) sit beside the business they own or work at');
    // Households as dots and suppliers as diamonds, one mark each.
    const recipients = q(el, 'live-highlight-recipients');
    expect(recipients.querySelectorAll('circle').length).toBe(3);
    expect(recipients.querySelectorAll('rect').length).toBe(1);
    el.highlight = { round: 3, businesses: [], households: Array.from({ length: 100 }, (_, i) => i), suppliers: [] };
    await el.updateComplete;
    expect(q(el, 'live-highlight-recipients').querySelectorAll('circle').length).toBe(40);
    expect(q(el, 'live-highlight-recipients').textContent).toContain('+60 households');
    await vi.waitFor(() => expect(source.anchorCalls).toHaveLength(2));
    // A highlight of businesses only needs no anchors; a new run asks again for the highlight it has.
    el.highlight = { round: 1, businesses: [3], households: [], suppliers: [] };
    await el.updateComplete;
    expect(source.anchorCalls).toHaveLength(2);
    el.highlight = { round: 2, businesses: [], households: [9], suppliers: [] };
    await vi.waitFor(() => expect(source.anchorCalls).toHaveLength(3));
    await el.reset();
    await vi.waitFor(() => expect(source.anchorCalls).toHaveLength(4));
    expect(source.anchorCalls[3]).toEqual({ households: [9], suppliers: [] });
    el.highlight = null;
    await el.updateComplete;
    expect(q(el, 'live-highlight')).toBeNull();
    expect(q(el, 'live-spotlight')).toBeNull();
  });

  it('switches the picture to the same economy without the program and back; the month and the effects stay', async () => {
    const { el, source } = await mount();
    await el.step();
    await el.step();
    await el.updateComplete;
    expect(button(el, 'live-arm-program').getAttribute('aria-pressed')).toBe('true');
    expect(button(el, 'live-arm-counterfactual').getAttribute('aria-pressed')).toBe('false');
    expect(q(el, 'live-without')).toBeNull();
    expect(q(el, 'live-legend').querySelector('[data-key="mentored"] .count')!.textContent).toBe('1');

    const months: (number | null)[] = [];
    el.addEventListener('live-month', (e) => months.push((e as CustomEvent<{ month: number } | null>).detail?.month ?? null));
    button(el, 'live-arm-counterfactual').click();
    await vi.waitFor(() => expect(el.shownArm).toBe('counterfactual'));
    expect(months).toEqual([]); // the same month: the page's graphs are not told again
    await el.updateComplete;
    expect(source.arms).toEqual(['counterfactual']);
    expect(el.month).toBe(2);
    expect(button(el, 'live-arm-counterfactual').getAttribute('aria-pressed')).toBe('true');
    expect(button(el, 'live-arm-program').getAttribute('aria-pressed')).toBe('false');
    expect(q(el, 'live-without').textContent).toContain('The same economy without the program');
    // Jobs, local income and open businesses are the counterfactual's; extra jobs and the multiplier stay.
    expect(q(el, 'live-jobs').dataset.value).toBe('92');
    expect(el.shadowRoot!.textContent).toContain('Jobs without the program');
    expect(q(el, 'live-local-gdp').dataset.value).toBe('10000000');
    expect(q(el, 'live-open').dataset.value).toBe('3');
    expect(q(el, 'live-jobs-effect').dataset.value).toBe('1');
    expect(q(el, 'live-local-gdp-per-rupiah').dataset.value).toBe('1.25');
    // The picture: no one mentored, all struggling, no entrant; the description says which economy.
    expect(q(el, 'live-legend').querySelector('[data-key="mentored"] .count')!.textContent).toBe('0');
    expect(q(el, 'live-legend').querySelector('[data-key="struggling"] .count')!.textContent).toBe('4');
    expect(q(el, 'live-canvas').getAttribute('aria-label')).toMatch(/^Without the program\. Network of 4 businesses in month 2/);
    expect(q(el, 'live-announcement').textContent).toContain('The same economy without the program');

    // Stepping goes on in the arm shown; reset keeps it.
    await el.step();
    expect(el.month).toBe(3);
    expect(el.shownArm).toBe('counterfactual');
    expect(q(el, 'live-jobs').dataset.value).toBe('93');
    await el.reset();
    expect(el.shownArm).toBe('counterfactual');

    await el.showArm('program');
    await el.updateComplete;
    expect(el.shownArm).toBe('program');
    expect(q(el, 'live-without')).toBeNull();
    expect(source.arms).toEqual(['counterfactual', 'program']);
  });

  it('a switch while a step is on its way shows that step\'s month in the arm asked for, and the page gets the month once', async () => {
    const { el } = await mount();
    const months: (number | null)[] = [];
    el.addEventListener('live-month', (e) => months.push((e as CustomEvent<{ month: number } | null>).detail?.month ?? null));
    const step = el.step(); // answered first, in the program arm: dropped
    await el.showArm('counterfactual'); // answered with month 1 in the arm asked for
    await step;
    await el.updateComplete;
    expect(el.month).toBe(1);
    expect(el.shownArm).toBe('counterfactual');
    expect(months).toEqual([1]);
    expect(q(el, 'live-jobs').dataset.value).toBe('91');
  });

  it('a new run starts in the arm shown; a highlight turned on is shown with either arm, and says where its money flows', async () => {
    const { el, source } = await mount();
    await el.showArm('counterfactual');
    el.seed = 9;
    await vi.waitFor(() => expect(source.inits).toHaveLength(2));
    await vi.waitFor(() => expect(el.status).toBe('ready'));
    expect(source.inits[1].arm).toBe('counterfactual');
    expect(el.shownArm).toBe('counterfactual');
    // Switched while a new run is being prepared: the arm asked for last is the one shown.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const init = source.init.bind(source);
    source.init = async (s: ScenarioInput, seed: number, arm?: LiveArm) => {
      await gate;
      return init(s, seed, arm);
    };
    el.seed = 10;
    await vi.waitFor(() => expect(el.status).toBe('loading'));
    await el.updateComplete;
    button(el, 'live-arm-program').click();
    release();
    await vi.waitFor(() => expect(el.status).toBe('ready'));
    await vi.waitFor(() => expect(el.shownArm).toBe('program'));
    expect(source.inits[2].arm).toBe('counterfactual');
    expect(source.arms.at(-1)).toBe('program');
    await el.showArm('counterfactual');
    el.highlight = { round: 2, businesses: [0, 2], households: [5], suppliers: [] };
    el.spotlight = true;
    await el.updateComplete;
    // The highlight does not pull the picture back (the rupiah view re-sends it whenever its run arrives).
    expect(el.shownArm).toBe('counterfactual');
    expect(q(el, 'live-highlight').textContent).toContain('2 businesses lit up');
    expect(q(el, 'live-highlight-program-only').textContent).toContain('The same businesses light up in both pictures');
    await el.showArm('program');
    await el.updateComplete;
    expect(q(el, 'live-highlight-program-only')).toBeNull();
    expect(q(el, 'live-highlight').textContent).toContain('2 businesses lit up');
  });

  it('a new seed or scenario starts a new run; the same scenario again does not', async () => {
    const { el, source } = await mount();
    await el.step();
    expect(el.month).toBe(1);
    el.scenario = structuredClone(scenario); // equal content: no restart
    await el.updateComplete;
    expect(source.inits).toHaveLength(1);
    el.seed = 8;
    await vi.waitFor(() => expect(source.inits).toHaveLength(2));
    await vi.waitFor(() => expect(el.month).toBe(0));
    expect(source.inits[1].seed).toBe(8);
    el.scenario = { ...scenario, name: 'other' } as ScenarioInput;
    await vi.waitFor(() => expect(source.inits).toHaveLength(3));
  });

  it('shows a simulation error as an alert over the canvas; reset tries again', async () => {
    const source = new FakeSource();
    let fail = true;
    source.init = async (scenario: ScenarioInput, seed: number) => {
      source.inits.push({ scenario, seed });
      if (fail) throw new Error('economy.businesses: expected a number');
      return FakeSource.prototype.init.call(source, scenario, seed);
    };
    source.reset = async () => {
      fail = false;
      return FakeSource.prototype.reset.call(source);
    };
    EconomyView.createSource = () => source;
    const el = document.createElement('pendamping-economy-view');
    el.scenario = scenario;
    el.locale = 'en';
    document.body.append(el);
    await vi.waitFor(() => expect(el.status).toBe('error'));
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('The simulation failed: economy.businesses: expected a number');
    expect(button(el, 'live-play').disabled).toBe(true);
    expect(button(el, 'live-step').disabled).toBe(true);
    expect(button(el, 'live-reset').disabled).toBe(false);
    button(el, 'live-reset').click();
    await vi.waitFor(() => expect(el.status).toBe('ready'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
    expect(button(el, 'live-play').disabled).toBe(false);
  });

  it('lets its worker go when removed from the page', async () => {
    const { el, source } = await mount();
    el.remove();
    expect(source.disposed).toBe(true);
  });
});
