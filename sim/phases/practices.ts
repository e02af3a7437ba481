// Phase 4: practices are adopted — bookkeeping, separated household/business money, a digital sales
// channel. Adoption is driven by learned capacity (capacity above the business's own start), plus a slow
// secular trend for digital channels that runs with or without a program. Three draws per business slot.
import { CAPACITY_COUNT, Cap, openIds, type Economy } from '../state/economy.js';

export function adoptPractices(e: Economy): void {
  if (!e.scenario.mechanisms.practiceAdoption) return;
  const P = e.scenario.performance;
  const b = e.businesses;
  const { capacities, practices } = b;
  const used = b.used;
  const u = e.streams.uniforms('adoption', e.month, used * 3);
  const ids = openIds(b);
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    const i = id * CAPACITY_COUNT;
    const fin = Math.max(0, capacities.capacity[i + Cap.bookkeeping] - capacities.capacityStart[i + Cap.bookkeeping]);
    const dig = Math.max(0, capacities.capacity[i + Cap.digital] - capacities.capacityStart[i + Cap.digital]);
    if (!practices.keepsBooks[id] && u[id * 3] < P.bookkeepingAdoptionPerCapacity * fin) practices.keepsBooks[id] = 1;
    if (!practices.separatesMoney[id] && u[id * 3 + 1] < P.separationAdoptionPerCapacity * fin) practices.separatesMoney[id] = 1;
    const pDigital = 2 * P.digitalAdoptionTrendPerMonth * b.owner.digitalLiteracy[id] + P.digitalAdoptionPerCapacity * dig * b.owner.digitalLiteracy[id];
    if (!practices.digitalChannel[id] && u[id * 3 + 2] < pDigital) practices.digitalChannel[id] = 1;
  }
}
