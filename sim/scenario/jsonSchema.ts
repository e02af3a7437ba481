// The scenario and region-profile schemas as JSON Schema (draft 2020-12), for editors' autocompletion and validation.
import * as z from 'zod';
import { scenarioSchema } from './schema.js';
import { regionProfileSchema } from './regionProfile.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://pendamping.invalid/scenario.schema.json',
    title: 'Pendamping scenario',
    description: 'A program design and the local economy it runs in. Every field is optional; defaults are documented per field (unit, description).',
  };
}

/** The region profile schema as JSON Schema, for editors (scenarios/region.schema.json). */
export function regionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(regionProfileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://pendamping.invalid/region.schema.json',
    title: 'Pendamping region profile',
    description:
      'The economy-describing sections of a scenario for one kind of district, every parameter with its source in `sources` (docs/regions.md). Check a file with `pendamping region check`.',
  };
}
