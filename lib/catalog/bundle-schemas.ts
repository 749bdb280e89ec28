import { z } from 'zod';
import { isValidModelId } from './model-id';

/**
 * The Bedrock bundle of a version (API.md "Bedrock bundle"): tools, toolChoice, an output JSON
 * Schema, prompt-cache points and fallback models. Browser-safe (no Ajv): the JSON Schemas
 * themselves are compiled by the service (bundle-check.ts), so a bad schema is a 400 there.
 */

export const TOOL_NAME_RE = /^[a-zA-Z0-9_-]{1,64}$/;
export const MAX_TOOLS = 32;
export const MAX_CACHE_POINTS = 4;
export const MAX_FALLBACKS = 3;

const JsonObject = z.record(z.string(), z.unknown());
const FallbackModel = z
  .string()
  .min(1)
  .max(2048)
  .refine((id) => isValidModelId(id), { message: 'Not a Bedrock model id (a base id, a cross-region inference profile such as us.anthropic..., or an ARN).' });

export const ToolSchema = z
  .object({
    name: z.string().regex(TOOL_NAME_RE, 'A tool name is 1-64 characters: a-z, A-Z, 0-9, "_", "-".'),
    description: z.string().min(1, 'Describe what the tool does (the model reads this).').max(4000, 'At most 4000 characters.'),
    inputSchema: JsonObject.describe('JSON Schema of the tool input (an object schema).'),
  })
  .strict();
export type Tool = z.infer<typeof ToolSchema>;

export const ToolChoiceSchema = z.union([
  z.enum(['auto', 'any'], { message: 'toolChoice is "auto", "any" or {"tool": name}.' }),
  z.object({ tool: z.string().regex(TOOL_NAME_RE, 'A tool name is 1-64 characters: a-z, A-Z, 0-9, "_", "-".') }).strict(),
]);
export type ToolChoice = z.infer<typeof ToolChoiceSchema>;

export const CachePointSchema = z.union([z.literal('system'), z.number().int('A message index is a whole number.').min(0).max(99)]);
export type CachePoint = z.infer<typeof CachePointSchema>;

/** The bundle fields of a version body (all optional; absent = none). */
export const BundleInputSchema = z.object({
  tools: z.array(ToolSchema).max(MAX_TOOLS, `At most ${MAX_TOOLS} tools.`).optional(),
  toolChoice: ToolChoiceSchema.nullable().optional(),
  outputSchema: z.union([JsonObject, z.boolean()]).nullable().optional().describe('JSON Schema (draft 2020-12) the answer must satisfy.'),
  cachePoints: z.array(CachePointSchema).max(MAX_CACHE_POINTS, `Bedrock accepts at most ${MAX_CACHE_POINTS} cache points.`).optional(),
  fallbacks: z.array(FallbackModel).max(MAX_FALLBACKS, `At most ${MAX_FALLBACKS} fallback models.`).optional(),
});
export type BundleInput = z.infer<typeof BundleInputSchema>;

/** The bundle as a version carries it (normalised: empty lists, null for unset). */
export const BundleSchema = z.object({
  tools: z.array(ToolSchema),
  toolChoice: ToolChoiceSchema.nullable(),
  outputSchema: z.union([JsonObject, z.boolean()]).nullable(),
  cachePoints: z.array(CachePointSchema),
  fallbacks: z.array(z.string()),
});
export type Bundle = z.infer<typeof BundleSchema>;

export const EMPTY_BUNDLE: Bundle = { tools: [], toolChoice: null, outputSchema: null, cachePoints: [], fallbacks: [] };

/** Cross-field rules the zod shape cannot express alone; issues name the field. */
export function bundleIssues(b: BundleInput, ctx: { modelId: string; hasSystem: boolean; messageCount: number }): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const tools = b.tools ?? [];
  const names = new Set<string>();
  tools.forEach((t, i) => {
    if (names.has(t.name)) out.push({ path: `tools.${i}.name`, message: `Two tools are called "${t.name}".` });
    names.add(t.name);
  });
  const choice = b.toolChoice ?? null;
  if (choice !== null && tools.length === 0) out.push({ path: 'toolChoice', message: 'toolChoice needs at least one tool.' });
  if (choice !== null && typeof choice === 'object' && tools.length > 0 && !names.has(choice.tool)) {
    out.push({ path: 'toolChoice.tool', message: `No tool is called "${choice.tool}".` });
  }
  const seen = new Set<string>();
  (b.cachePoints ?? []).forEach((p, i) => {
    const key = String(p);
    if (seen.has(key)) out.push({ path: `cachePoints.${i}`, message: 'Each cache point once.' });
    seen.add(key);
    if (p === 'system' && !ctx.hasSystem) out.push({ path: `cachePoints.${i}`, message: 'A cache point after the system prompt needs a system prompt.' });
    if (typeof p === 'number' && p >= ctx.messageCount) out.push({ path: `cachePoints.${i}`, message: `There is no message ${p} (the template has ${ctx.messageCount}).` });
  });
  const fb = b.fallbacks ?? [];
  fb.forEach((m, i) => {
    if (m === ctx.modelId) out.push({ path: `fallbacks.${i}`, message: 'A fallback must differ from the version\'s model.' });
    if (fb.indexOf(m) !== i) out.push({ path: `fallbacks.${i}`, message: 'Each fallback model once.' });
  });
  return out;
}

/** Normalises the optional input fields into what a version stores and answers. */
export function normaliseBundle(b: BundleInput): Bundle {
  return {
    tools: b.tools ?? [],
    toolChoice: b.toolChoice ?? null,
    outputSchema: b.outputSchema ?? null,
    // system first, then message indexes in order: the same points in any order are the same version
    cachePoints: [...new Set(b.cachePoints ?? [])].sort((x, y) => (x === 'system' ? -1 : y === 'system' ? 1 : x - y)),
    fallbacks: b.fallbacks ?? [],
  };
}
