// The arguments the drift diagnostics share: `[seeds] [months] [region]`, and the scenario file from the
// SCEN environment variable (default scenarios/no-program.json), with the region applied when given.
import { readFileSync } from 'node:fs';
import { parseScenario, type Scenario } from '../sim/index.js';

export function noProgramArgs(): { seeds: number; months: number; scenario: Scenario } {
  const seeds = Number(process.argv[2] ?? 4);
  const months = Number(process.argv[3] ?? 120);
  const region = process.argv[4];
  const file = process.env.SCEN ?? 'scenarios/no-program.json';
  const input = JSON.parse(readFileSync(file, 'utf8'));
  return { seeds, months, scenario: parseScenario(region ? { ...input, region } : input, file) };
}
