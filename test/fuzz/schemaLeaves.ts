// The scenario JSON Schema (scenarios/scenario.schema.json) flattened into the nodes a fuzzer needs:
// every scalar leaf with its type, bounds, choices and default, every group (object) and every list,
// each under its path. Read from the exported schema rather than from zod, so the fuzzer tests what users
// and editors are told the file may hold.
import schema from '../../scenarios/scenario.schema.json' with { type: 'json' };

/** A path into a document: object keys, and `[]` for "any item of this list". */
export type SchemaPath = readonly string[];

interface JsonSchemaNode {
  type?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

export type SchemaNode =
  | { kind: 'number'; path: SchemaPath; integer: boolean; min: number; max: number; exclusiveMin: boolean; exclusiveMax: boolean; default?: number }
  | { kind: 'boolean'; path: SchemaPath; default?: boolean }
  | { kind: 'string'; path: SchemaPath; minLength: number; maxLength: number; default?: string }
  | { kind: 'enum'; path: SchemaPath; values: string[]; default?: string }
  | { kind: 'object'; path: SchemaPath; fields: string[]; required: string[] }
  | { kind: 'array'; path: SchemaPath; minItems: number; maxItems: number; item: JsonSchemaNode };

export type ScalarNode = Extract<SchemaNode, { kind: 'number' | 'boolean' | 'string' | 'enum' }>;
export type NumberNode = Extract<SchemaNode, { kind: 'number' }>;

function flatten(node: JsonSchemaNode, path: string[], out: SchemaNode[]): void {
  if (node.enum) {
    out.push({ kind: 'enum', path, values: node.enum.map(String), default: node.default as string | undefined });
    return;
  }
  switch (node.type) {
    case 'object': {
      const fields = Object.keys(node.properties ?? {});
      out.push({ kind: 'object', path, fields, required: node.required ?? [] });
      for (const k of fields) flatten(node.properties![k], [...path, k], out);
      return;
    }
    case 'array':
      out.push({ kind: 'array', path, minItems: node.minItems ?? 0, maxItems: node.maxItems ?? Infinity, item: node.items ?? {} });
      if (node.items) flatten(node.items, [...path, '[]'], out);
      return;
    case 'number':
    case 'integer':
      out.push({
        kind: 'number',
        path,
        integer: node.type === 'integer',
        min: node.minimum ?? node.exclusiveMinimum ?? -Infinity,
        max: node.maximum ?? node.exclusiveMaximum ?? Infinity,
        exclusiveMin: node.exclusiveMinimum !== undefined,
        exclusiveMax: node.exclusiveMaximum !== undefined,
        default: node.default as number | undefined,
      });
      return;
    case 'boolean':
      out.push({ kind: 'boolean', path, default: node.default as boolean | undefined });
      return;
    case 'string':
      out.push({ kind: 'string', path, minLength: node.minLength ?? 0, maxLength: node.maxLength ?? Infinity, default: node.default as string | undefined });
      return;
    default:
      throw new Error(`scenario.schema.json: a node of type ${String(node.type)} at ${path.join('.')} the fuzzer does not know`);
  }
}

/** Every node of the scenario schema, the root object first. */
export const SCENARIO_NODES: readonly SchemaNode[] = (() => {
  const out: SchemaNode[] = [];
  flatten(schema as JsonSchemaNode, [], out);
  return out;
})();

export const isScalar = (n: SchemaNode): n is ScalarNode => n.kind === 'number' || n.kind === 'boolean' || n.kind === 'string' || n.kind === 'enum';

/** Scalar fields outside lists: what a document sets by dotted path (and an experiment can vary). */
export const TOP_LEAVES: readonly ScalarNode[] = SCENARIO_NODES.filter(isScalar).filter((n) => !n.path.includes('[]'));
