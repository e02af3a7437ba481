// Watch what each phase of the month touches: the parts of the state it reaches (through a Proxy on the
// economy and on the businesses) and the parts whose values it changes (a copy of every column before and
// after). Used by test/sim/phases.test.ts to hold the phases to their declared reads and writes.
import type { Economy } from '../../sim/state/economy.js';
import type { StatePart } from '../../sim/step.js';

/** Economy fields every phase may read without declaring them (parameters, not state). */
const FREE = new Set(['scenario', 'month', 'streams', 'programActive', 'accounts', 'householdAccount0', 'supplierAccount0', 'maxTies', 'turnoverPerBusinessStart']);
const PART_OF: Record<string, StatePart> = {
  households: 'households', suppliers: 'suppliers', program: 'program', ties: 'ties', tieCounts: 'ties',
  ledger: 'ledger', conditions: 'conditions', entryBlocked: 'entryBlocked', outsideBuyers: 'outsideBuyers',
  localSectors: 'localSectors', labour: 'labour',
};
/** The businesses' own counters and open-id list belong to the life component. */
const BUSINESS_COUNTERS = new Set(['slots', 'allocated', 'used', 'openList', 'openCount', 'openChanged']);

type Values = Map<string, string>;

const fingerprint = (x: unknown): string => {
  if (ArrayBuffer.isView(x)) return Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('base64');
  if (x && typeof x === 'object') return JSON.stringify(Object.entries(x).map(([k, v]) => [k, fingerprint(v)]));
  return JSON.stringify(x);
};

/** Every state part's values, as comparable strings. */
export function stateValues(e: Economy): Values {
  const out: Values = new Map();
  const b = e.businesses;
  for (const [key, value] of Object.entries(b)) {
    if (BUSINESS_COUNTERS.has(key)) continue;
    out.set(`businesses.${key}`, fingerprint(value));
  }
  // The open-id list is a cache of life.open (rebuilt on demand), so only `used` counts as its state.
  out.set('businesses.life', (out.get('businesses.life') ?? '') + fingerprint(b.used));
  out.set('households', fingerprint(e.households));
  out.set('suppliers', fingerprint(e.suppliers));
  out.set('program', fingerprint(e.program));
  out.set('ties', fingerprint([e.ties, e.tieCounts]));
  out.set('ledger', fingerprint([e.ledger.money, e.ledger.received, e.ledger.transfers]));
  out.set('conditions', fingerprint(e.conditions));
  out.set('entryBlocked', fingerprint(e.entryBlocked));
  out.set('outsideBuyers', fingerprint(e.outsideBuyers));
  out.set('localSectors', fingerprint(e.localSectors));
  out.set('labour', fingerprint(e.labour));
  return out;
}

/** A view of `e` that records every state part reached through it, and the set it records into. */
export function watched(e: Economy): { economy: Economy; reached: Set<string> } {
  const reached = new Set<string>();
  const businesses = new Proxy(e.businesses, {
    get(target, prop, receiver) {
      if (typeof prop === 'string') reached.add(BUSINESS_COUNTERS.has(prop) ? 'businesses.life' : `businesses.${prop}`);
      return Reflect.get(target, prop, receiver);
    },
    set(target, prop, value) {
      if (typeof prop === 'string') reached.add(BUSINESS_COUNTERS.has(prop) ? 'businesses.life' : `businesses.${prop}`);
      return Reflect.set(target, prop, value);
    },
  });
  const economy = new Proxy(e, {
    get(target, prop, receiver) {
      if (prop === 'businesses') return businesses;
      if (typeof prop === 'string' && !FREE.has(prop)) reached.add(PART_OF[prop] ?? `unknown:${prop}`);
      return Reflect.get(target, prop, receiver);
    },
    set(target, prop, value) {
      if (typeof prop === 'string' && !FREE.has(prop)) reached.add(PART_OF[prop] ?? `unknown:${prop}`);
      return Reflect.set(target, prop, value);
    },
  });
  return { economy, reached };
}

/** The parts whose values differ between two stateValues. */
export function changed(before: Values, after: Values): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of after) if (before.get(k) !== v) out.add(k);
  return out;
}
