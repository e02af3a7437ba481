/** Gini coefficient of non-negative values (0 = equal, →1 = concentrated); 0 for fewer than two values. */
export function gini(values: Float64Array | number[]): number {
  return giniOfSorted(Float64Array.from(values).sort());
}

/** The same for values already sorted in ascending order (negative values count as 0). */
export function giniOfSorted(sorted: Float64Array): number {
  const n = sorted.length;
  if (n < 2) return 0;
  let weighted = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i] > 0 ? sorted[i] : 0;
    weighted += (i + 1) * v;
    total += v;
  }
  if (total <= 0) return 0;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}
