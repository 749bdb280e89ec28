import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './document';

/**
 * Every route file under app/api/v1 is described in the OpenAPI document, method by method, and
 * the document describes nothing that has no route: a new endpoint cannot be forgotten in the
 * contract, and the contract cannot promise an endpoint that does not exist.
 */
const ROOT = path.join(process.cwd(), 'app', 'api', 'v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === 'route.ts' ? [full] : [];
  });
}

/** app/api/v1/prompts/[name]/labels/route.ts -> /api/v1/prompts/{name}/labels */
const templateOf = (file: string) =>
  `/api/v1/${path.relative(ROOT, path.dirname(file)).split(path.sep).filter(Boolean).map((s) => s.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`.replace(/\/$/, '');

describe('the OpenAPI document and the route files under app/api/v1', () => {
  it('describe the same operations', async () => {
    const routes: string[] = [];
    for (const file of routeFiles(ROOT)) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const m of METHODS) if (typeof mod[m] === 'function') routes.push(`${m} ${templateOf(file)}`);
    }
    const documented = Object.entries(openApiDocument().paths ?? {}).flatMap(([p, item]) =>
      METHODS.filter((m) => (item as Record<string, unknown>)[m.toLowerCase()] !== undefined).map((m) => `${m} ${p}`),
    );
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !documented.includes(r)), 'route files with no operation in the document').toEqual([]);
    expect(documented.filter((d) => !routes.includes(d)), 'operations in the document with no route file').toEqual([]);
  });

  it('give every success response with a body a real schema', () => {
    const bare: string[] = [];
    for (const [p, item] of Object.entries(openApiDocument().paths ?? {})) {
      for (const [method, op] of Object.entries(item as Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>)) {
        for (const [status, r] of Object.entries(op.responses ?? {})) {
          const noBody = status === '204' || status === '304';
          const schema = r.content?.['application/json']?.schema;
          // A file download (CSV, JSON Lines) has no JSON body: each of its media types is described text.
          const file = !schema && Object.keys(r.content ?? {}).length > 0 && Object.values(r.content ?? {}).every((c) => c.schema && Object.keys(c.schema).length > 0);
          if (!noBody && !file && (!schema || Object.keys(schema).length === 0)) bare.push(`${method.toUpperCase()} ${p} ${status}`);
        }
      }
    }
    expect(bare).toEqual([]);
  });
});

describe('the serving operation', () => {
  it('documents the ETag and X-Promptdeck-Epoch headers on 200 and 304 (the client libraries rely on them)', () => {
    const get = (openApiDocument().paths?.['/api/v1/prompts/{name}'] as { get: { responses: Record<string, { headers?: Record<string, unknown> }> } }).get;
    for (const status of ['200', '304']) expect(Object.keys(get.responses[status]?.headers ?? {})).toEqual(['ETag', 'X-Promptdeck-Canary', 'X-Promptdeck-Epoch']);
  });
});
