// The `design` column of compare's CSVs and the keys of its cost-effectiveness section.

/**
 * The `design` column of the CSVs: each scenario name in full, with ` #k` (its position, from 1) appended
 * when two designs share a name, so that the column tells every design apart. Should a suffixed name
 * still meet another design's name, every name gets its position.
 */
export function designKeys(names: readonly string[]): string[] {
  const keys = names.map((name, i) => (names.indexOf(name) !== names.lastIndexOf(name) ? `${name} #${i + 1}` : name));
  return new Set(keys).size === keys.length ? keys : names.map((name, i) => `${name} #${i + 1}`);
}
