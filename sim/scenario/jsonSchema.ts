// The scenario schema as JSON Schema (draft 2020-12), for editors' autocompletion and validation.
import * as z from 'zod';
import { scenarioSchema } from './schema.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://pendamping.invalid/scenario.schema.json',
    title: 'Pendamping scenario',
    description: 'A program design and the local economy it runs in. Every field is optional; defaults are documented per field (unit, description).',
  };
}
