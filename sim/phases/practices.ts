// Phase 4: practices are adopted — bookkeeping, separated household/business money, a digital sales
// channel. Adoption is driven by learned capacity (capacity above the business's own start), plus a slow
// secular trend for digital channels that runs with or without a program. Three draws per business slot.
import { CAPACITY_COUNT, Cap, type Economy } from '../state/economy.js';

export function adoptPractices(e: Economy): void {
  if (!e.scenario.mechanisms.practiceAdoption) return;
  const P = e.scenario.performance;
  const b = e.businesses;
  const used = b.used;
  const u = e.streams.uniforms('adoption', e.month, used * 3);
  for (let id = 0; id < used; id++) {
    if (!b.open[id]) continue;
    const i = id * CAPACITY_COUNT;
    const fin = Math.max(0, b.capacity[i + Cap.bookkeeping] - b.capacityStart[i + Cap.bookkeeping]);
    const dig = Math.max(0, b.capacity[i + Cap.digital] - b.capacityStart[i + Cap.digital]);
    if (!b.keepsBooks[id] && u[id * 3] < P.bookkeepingAdoptionPerCapacity * fin) b.keepsBooks[id] = 1;
    if (!b.separatesMoney[id] && u[id * 3 + 1] < P.separationAdoptionPerCapacity * fin) b.separatesMoney[id] = 1;
    const pDigital = 2 * P.digitalAdoptionTrendPerMonth * b.digitalLiteracy[id] + P.digitalAdoptionPerCapacity * dig * b.digitalLiteracy[id];
    if (!b.digitalChannel[id] && u[id * 3 + 2] < pDigital) b.digitalChannel[id] = 1;
  }
}
