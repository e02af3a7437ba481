// Who receives the cash transfers: `cashTransfer.households` households picked by an eligibility rule
// from the starting economy (once, at initialisation), in both runs. Recipients enrol no business.
// Every draw comes from the `cashTransfer` stream, two per household, so no other process's draws move.
import type { Economy } from '../state/economy.js';

/**
 * Which households are women-headed. The model has no household head: a household that owns an initial
 * micro-business counts as women-headed when that business is woman-owned (the owner taken as the head);
 * a household without one is drawn women-headed with probability `womenHeadedShareWithoutBusiness`.
 */
export function womenHeaded(e: Economy, draws: Float64Array): Uint8Array {
  const H = e.households.count;
  const out = new Uint8Array(H);
  const owns = new Int8Array(H).fill(-1);
  const b = e.businesses;
  for (let id = 0; id < e.scenario.economy.businesses; id++) {
    const hh = b.owner.ownerHousehold[id];
    owns[hh] = Math.max(owns[hh], b.owner.female[id]);
  }
  const share = e.scenario.program.cashTransfer.womenHeadedShareWithoutBusiness;
  for (let i = 0; i < H; i++) out[i] = owns[i] >= 0 ? owns[i] : draws[2 * i + 1] < share ? 1 : 0;
  return out;
}

/**
 * The recipient households, in the order the rule ranks them: the `households` first of the eligible,
 * sorted by the rule's key (lowest first), equal keys by one draw each (lowest first), then by id.
 */
export function pickCashRecipients(e: Economy): Int32Array {
  const c = e.scenario.program.cashTransfer;
  const H = e.households.count;
  const draws = Float64Array.from(e.streams.uniforms('cashTransfer', 0, 2 * H).subarray(0, 2 * H));
  const key = new Float64Array(H);
  let eligible = Array.from({ length: H }, (_, i) => i);
  switch (c.eligibility) {
    case 'poorestByIncome':
      for (let i = 0; i < H; i++) key[i] = e.households.incomeLast[i];
      break;
    case 'poorestByMoney':
      for (let i = 0; i < H; i++) key[i] = e.ledger.money[e.householdAccount0 + i];
      break;
    case 'womenHeaded': {
      const women = womenHeaded(e, draws);
      eligible = eligible.filter((i) => women[i] === 1);
      break;
    }
    case 'random':
      break;
  }
  eligible.sort((x, y) => key[x] - key[y] || draws[2 * x] - draws[2 * y] || x - y);
  return Int32Array.from(eligible.slice(0, c.households));
}
