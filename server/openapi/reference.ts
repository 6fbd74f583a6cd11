import type { ApiDocument } from './document.js';
import { fieldRows, typeOf, rulesOf, variantsOf, type FieldRow, type JsonSchema } from './schema-rows.js';

/** What the reference page shows of one operation. */
export interface OperationView {
  anchor: string; method: string; path: string; summary: string; signedIn: boolean;
  params: (FieldRow & { in: string })[];
  body?: { contentType: string; description?: string; variants: FieldRow[][] };
  responses: { status: string; description: string; schema?: string; fields: string[] }[];
}
export interface ReferenceView { title: string; intro: string[]; groups: { tag: string; anchor: string; operations: OperationView[] }[]; errorFields: FieldRow[] }

interface Parameter { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }
interface MediaType { schema?: JsonSchema }
interface DocumentedOperation {
  summary?: string; tags?: string[]; security?: unknown[]; parameters?: Parameter[];
  requestBody?: { description?: string; content: Record<string, MediaType> };
  responses: Record<string, { description: string; content?: Record<string, MediaType> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** A $ref to a schema component, followed once (the components have no refs inside). */
function resolve(doc: ApiDocument, s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s?.$ref) return s;
  return (doc.components?.schemas as Record<string, JsonSchema> | undefined)?.[s.$ref.split('/').pop()!];
}

function operationView(doc: ApiDocument, method: string, path: string, op: DocumentedOperation): OperationView {
  const [contentType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
  const bodySchema = resolve(doc, media?.schema);
  return {
    anchor: slug(`${method} ${path}`), method: method.toUpperCase(), path, summary: op.summary ?? '',
    signedIn: op.security === undefined || op.security.length > 0,
    params: (op.parameters ?? []).map((p) => ({
      name: p.name, in: p.in, type: p.schema ? typeOf(p.schema) : 'string', required: p.required ?? false,
      rules: p.schema && p.in !== 'path' ? rulesOf(p.schema) : [], ...(p.description ?? p.schema?.description ? { description: p.description ?? p.schema?.description } : {}),
    })),
    ...(contentType
      ? { body: { contentType, ...(op.requestBody?.description ? { description: op.requestBody.description } : {}), variants: bodySchema?.properties || bodySchema?.oneOf ? variantsOf(bodySchema).map((v) => fieldRows(v)) : [] } }
      : {}),
    responses: Object.entries(op.responses).map(([status, r]) => {
      const raw = r.content?.['application/json']?.schema;
      const schema = resolve(doc, raw);
      // The error shape is explained once at the top of the page; other shapes list their fields here.
      const isError = raw?.$ref !== undefined && typeOf(raw) === 'Error';
      return { status, description: r.description, ...(isError ? { schema: 'Error' } : {}), fields: isError ? [] : Object.keys(schema?.properties ?? {}) };
    }),
  };
}

/** The document regrouped for reading: by tag, in the order the routes are mounted. */
export function referenceView(doc: ApiDocument): ReferenceView {
  const groups = new Map<string, OperationView[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = (item as Record<string, DocumentedOperation | undefined>)[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'Other';
      groups.set(tag, [...(groups.get(tag) ?? []), operationView(doc, method, path, op)]);
    }
  }
  const error = (doc.components?.schemas as Record<string, JsonSchema> | undefined)?.['Error'];
  return {
    title: doc.info.title,
    intro: (doc.info.description ?? '').split('\n\n'),
    groups: [...groups].map(([tag, operations]) => ({ tag, anchor: slug(tag), operations })),
    errorFields: error ? fieldRows(error) : [],
  };
}
