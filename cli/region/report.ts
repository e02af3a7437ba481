// What `pendamping region check` and `region list` print: a profile's name, what it sets and where each
// value comes from; the shipped profiles with their descriptions.
import type { RegionProfile } from '../../sim/scenario/regionProfile.js';

const kind = (source: string) => (/^assumption\b/i.test(source) ? 'assumption' : /^derived\b/i.test(source) ? 'derived' : 'cited');
const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? text.slice(0, 37) + '...' : text;
};

/**
 * Summary of a checked profile: name, description, counts, then each source once with what it covers (a
 * parameter and its value, or a parent such as economy.sectors with the number of values under it).
 */
export function profileSummary(file: string, p: RegionProfile): string {
  const count = (k: string) => p.parameters.filter((q) => kind(q.source) === k).length;
  const sections = [...new Set(p.parameters.map((q) => q.path.split(/[.[]/)[0]))];
  const lines = [
    `${file}: region profile "${p.name}" is valid`,
    `  ${p.description}`,
    `  ${p.parameters.length} parameters set in ${sections.join(', ') || 'no section'}; sources: ${count('cited')} cited, ${count('derived')} derived, ${count('assumption')} assumptions`,
  ];
  const seen = new Set<string>();
  for (const q of p.parameters) {
    if (seen.has(q.sourcePath)) continue;
    seen.add(q.sourcePath);
    const covered = p.parameters.filter((x) => x.sourcePath === q.sourcePath);
    const what = q.sourcePath === q.path ? `${q.path} = ${shown(q.value)}` : `${q.sourcePath} (${covered.length} values not listed separately)`;
    lines.push(`  ${what}`, `      ${q.source}`);
  }
  return lines.join('\n') + '\n';
}

/** The shipped profiles, one per line: name and description. */
export function profileList(profiles: readonly RegionProfile[]): string {
  const width = Math.max(...profiles.map((p) => p.name.length));
  return profiles.map((p) => `${p.name.padEnd(width)}  ${p.description}`).join('\n') + '\n';
}
