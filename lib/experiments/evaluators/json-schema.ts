import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * JSON Schema for the json_schema evaluator: Ajv with draft 2020-12 (older drafts' keywords that
 * 2020-12 kept work too) and the standard formats (email, date-time, uri, uuid...). Strict about
 * the schema itself, so a typo such as `"requird"` or an unknown format is a 400 up front rather
 * than a silently ignored rule. No remote `$ref`s are fetched. Compiled validators are cached.
 */
export const MAX_SCHEMA_CHARS = 50_000;

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strictSchema: true, strictTypes: false, strictTuples: false, strictRequired: false, logger: false });
  addFormats(ajv);
  return ajv;
}

let ajv = newAjv();
const cache = new Map<string, ValidateFunction>();
const CACHE_MAX = 200;

export function compileSchema(schema: unknown): { ok: true; validate: ValidateFunction } | { ok: false; message: string } {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    if (typeof schema !== 'boolean') return { ok: false, message: 'A JSON Schema is an object (or true/false).' };
  }
  const key = JSON.stringify(schema);
  if (key.length > MAX_SCHEMA_CHARS) return { ok: false, message: `The schema is larger than ${MAX_SCHEMA_CHARS} characters.` };
  const hit = cache.get(key);
  if (hit) return { ok: true, validate: hit };
  try {
    const validate = ajv.compile(schema as object);
    if (cache.size >= CACHE_MAX) {
      // Ajv keeps compiled schemas too: start over rather than grow without bound.
      cache.clear();
      ajv = newAjv();
    }
    cache.set(key, validate);
    return { ok: true, validate };
  } catch (err) {
    // Ajv names every offending value; keep the message readable (and the answer small) for huge schemas.
    const why = (err as Error).message;
    return { ok: false, message: `Not a valid JSON Schema: ${why.length > 300 ? `${why.slice(0, 300)}…` : why}` };
  }
}

/** Ajv errors as one readable line: "/violation must be boolean; / must have required property 'explanation'". */
export function schemaErrors(errors: readonly ErrorObject[] | null | undefined, max = 3): string {
  const list = (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  const shown = list.slice(0, max).join('; ');
  return list.length > max ? `${shown} (and ${list.length - max} more)` : shown;
}
