// Every phase of the month is held to the parts of the state it declares in sim/step.ts: what it reaches
// must be declared (read or written), what it changes must be declared as written, and every declared
// part must really be reached (no stale declarations). Run over a year with every lever, cash transfers,
// suppliers buying farm produce from the agriculture block and a raw-material shock, so each phase takes
// its rarer branches too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEconomy, parseScenario } from '../../sim/index.js';
import { PHASES } from '../../sim/step.js';
import { changed, stateValues, watched } from './phaseAccess.js';

describe('phase declarations', () => {
  it('each phase reaches only what it declares, changes only what it declares to write, and reaches all it declares', () => {
    const file = JSON.parse(readFileSync('scenarios/full-cycle.json', 'utf8'));
    const scenario = parseScenario({
      ...file,
      economy: { businesses: 150 },
      program: { ...file.program, cashTransfer: { enabled: true } },
      suppliers: { farmProduceShare: 0.2 },
      shocks: [{ kind: 'rawMaterialPrice', startMonth: 3, months: 3, size: 0.3 }],
    });
    expect(scenario.program.cashTransfer.enabled && scenario.program.training.enabled && scenario.program.mentoring.enabled).toBe(true);
    const e = createEconomy({ ...scenario, months: 12 }, 3, true);
    const reachedBy = new Map(PHASES.map((p) => [p.name, new Set<string>()]));
    for (let t = 0; t < 12; t++) {
      e.month += 1;
      e.ledger.openMonth();
      for (const phase of PHASES) {
        const before = stateValues(e);
        const view = watched(e);
        phase.run(view.economy);
        const declared = new Set<string>([...phase.reads, ...phase.writes]);
        for (const part of view.reached) expect(declared.has(part), `${phase.name} reaches ${part} without declaring it (month ${e.month})`).toBe(true);
        for (const part of changed(before, stateValues(e))) expect(phase.writes.includes(part as never), `${phase.name} changes ${part} without declaring it as written (month ${e.month})`).toBe(true);
        for (const part of view.reached) reachedBy.get(phase.name)!.add(part);
      }
      e.ledger.closeMonth();
    }
    for (const phase of PHASES) {
      // entryBlocked is reached only when every entrant slot is used (never here).
      for (const part of [...phase.reads, ...phase.writes]) if (part !== 'entryBlocked') expect(reachedBy.get(phase.name)!.has(part), `${phase.name} declares ${part} but never reaches it`).toBe(true);
    }
  });

  it('the watcher sees a change the declarations do not allow', () => {
    const e = createEconomy({ ...parseScenario({ economy: { businesses: 40 } }), months: 2 }, 1, true);
    const before = stateValues(e);
    const view = watched(e);
    view.economy.businesses.flows.turnover[3] += 1;
    view.economy.households.incomeLast[0] += 1;
    expect([...view.reached].sort()).toEqual(['businesses.flows', 'households']);
    expect([...changed(before, stateValues(e))].sort()).toEqual(['businesses.flows', 'households']);
  });
});
