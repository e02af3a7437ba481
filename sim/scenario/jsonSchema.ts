// The scenario and region-profile schemas as JSON Schema (draft 2020-12), for editors' autocompletion and validation.
import * as z from 'zod';
import { scenarioSchema } from './schema.js';
import { regionProfileSchema } from './regionProfile.js';

/** A zod schema as JSON Schema with its id, title and description. */
function asJsonSchema(schema: z.ZodType, id: string, title: string, description: string): Record<string, unknown> {
  return { ...(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>), $id: id, title, description };
}

export function scenarioJsonSchema(): Record<string, unknown> {
  return asJsonSchema(
    scenarioSchema,
    'https://pendamping.invalid/scenario.schema.json',
    'Pendamping scenario',
    'A program design and the local economy it runs in. Every field is optional; defaults are documented per field (unit, description).',
  );
}

/** The region profile schema as JSON Schema, for editors (scenarios/region.schema.json). */
export function regionJsonSchema(): Record<string, unknown> {
  return asJsonSchema(
    regionProfileSchema,
    'https://pendamping.invalid/region.schema.json',
    'Pendamping region profile',
    'The economy-describing sections of a scenario for one kind of district, every parameter with its source in `sources` (docs/regions.md). Check a file with `pendamping region check`.',
  );
}
