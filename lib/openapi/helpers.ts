import { z } from 'zod';

/** Small builders shared by the OpenAPI path modules. */
export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .meta({ id: 'Error' });

export const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export const body = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
export const ok = (description: string, schema?: z.ZodType) => (schema ? { description, content: { 'application/json': { schema } } } : { description });

export type PathAdder = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, summary: string, spec: Record<string, unknown>) => void;
