/** A JSON Schema as the generator writes it: just the keywords the reference page reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  description?: string;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number; maxLength?: number;
  minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number;
  minItems?: number; maxItems?: number;
}

/** One field of a body, query or answer, flattened for a table: `scores[].value`, `weights.{key}`. */
export interface FieldRow { name: string; type: string; required: boolean; rules: string[]; description?: string }

const refName = (ref: string) => ref.split('/').pop() ?? ref;

/** `string`, `number | null`, `"a" | "b"`, `Error`: the type as a reader scans it. */
export function typeOf(s: JsonSchema): string {
  if (s.$ref) return refName(s.$ref);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return [...new Set(alternatives.map(typeOf))].join(' | ');
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const named = types.map((t) => (t === 'array' && s.items ? `${typeOf(s.items)}[]` : t === 'object' && !s.properties && s.additionalProperties ? 'map' : t));
  return named.join(' | ') || 'any';
}

/** The constraints zod put on a field, in words. */
export function rulesOf(s: JsonSchema): string[] {
  const rules: string[] = [];
  const range = (lo: number | undefined, hi: number | undefined, unit: string) => {
    if (lo !== undefined && hi !== undefined) rules.push(`${lo}–${hi}${unit}`);
    else if (lo !== undefined) rules.push(`≥ ${lo}${unit}`);
    else if (hi !== undefined) rules.push(`≤ ${hi}${unit}`);
  };
  range(s.minLength, s.maxLength, ' chars');
  range(s.minimum, s.maximum, '');
  if (s.exclusiveMinimum !== undefined) rules.push(`> ${s.exclusiveMinimum}`);
  if (s.exclusiveMaximum !== undefined) rules.push(`< ${s.exclusiveMaximum}`);
  range(s.minItems, s.maxItems, ' items');
  if (s.format) rules.push(s.format);
  if (s.pattern) rules.push(`matches ${s.pattern}`);
  if (s.default !== undefined) rules.push(`default ${JSON.stringify(s.default)}`);
  for (const alt of s.anyOf ?? []) rules.push(...rulesOf(alt));
  return rules;
}

/** Every field of an object schema, nested ones under dotted names; a map's values under `{key}`. */
export function fieldRows(s: JsonSchema, prefix = '', depth = 0): FieldRow[] {
  if (depth > 4) return [];
  const rows: FieldRow[] = [];
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    const path = prefix + name;
    rows.push({ name: path, type: typeOf(prop), required: (s.required ?? []).includes(name), rules: rulesOf(prop), ...(prop.description ? { description: prop.description } : {}) });
    rows.push(...nestedRows(prop, path, depth));
  }
  return rows;
}

function nestedRows(prop: JsonSchema, path: string, depth: number): FieldRow[] {
  if (prop.properties) return fieldRows(prop, `${path}.`, depth + 1);
  if (prop.items?.properties) return fieldRows(prop.items, `${path}[].`, depth + 1);
  const values = typeof prop.additionalProperties === 'object' ? prop.additionalProperties : undefined;
  if (values) {
    const row: FieldRow = { name: `${path}.{key}`, type: typeOf(values), required: false, rules: rulesOf(values) };
    return [row, ...(values.properties ? fieldRows(values, `${path}.{key}.`, depth + 1) : [])];
  }
  return [];
}

/** A body's alternatives (a discriminated union is one table per shape), or the one shape. */
export const variantsOf = (s: JsonSchema): JsonSchema[] => s.oneOf ?? s.anyOf ?? [s];
