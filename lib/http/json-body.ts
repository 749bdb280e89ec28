import { AppError, validationError } from '../errors';

/**
 * Reading a JSON request body defensively: only JSON media types (a JSON endpoint refuses
 * text/plain and form posts, which is also what browsers can send cross-site without asking),
 * at most MAX_BODY_BYTES whatever Content-Length claims, strict UTF-8, and a value every later
 * layer (zod, Prisma, PostgreSQL jsonb/text) can take: bounded nesting, no NUL, no lone
 * surrogates. Everything refused here is a 4xx with the error shape, never a 500.
 */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Deeper JSON than this is refused (400) before any recursive code sees it. */
export const MAX_JSON_DEPTH = 64;

const MB = MAX_BODY_BYTES / 1024 / 1024;
const tooLarge = () => new AppError('payload_too_large', `The request body is larger than ${MB} MB.`);

/** application/json, or any application/<something>+json, with optional parameters (charset). */
export function isJsonMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !/^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type)) return false;
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1]?.toLowerCase();
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

const unsupported = (got: string | null) =>
  new AppError(
    'unsupported_media_type',
    got
      ? `This endpoint takes JSON: send "Content-Type: application/json" (got "${got.slice(0, 100)}").`
      : 'This endpoint takes JSON: send the body with "Content-Type: application/json".',
  );

/** What a body reader answers when the body is too large, or cannot be read to its end. */
export interface BodyErrors {
  tooLarge: () => AppError;
  unreadable: () => AppError;
}

const JSON_BODY_ERRORS: BodyErrors = {
  tooLarge,
  // The client went away (or sent a broken body) while we were reading it.
  unreadable: () => new AppError('invalid_json', 'The request body could not be read completely.'),
};

/**
 * Reads at most MAX_BODY_BYTES: a larger Content-Length is refused before reading, and reading
 * stops as soon as the body is larger (Content-Length may lie or be absent).
 */
export async function readBodyBytes(req: Request, errors: BodyErrors = JSON_BODY_ERRORS): Promise<Uint8Array> {
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw errors.tooLarge();
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        void reader.cancel().catch(() => {});
        throw errors.tooLarge();
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw errors.unreadable();
  }
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as strict UTF-8 text, or null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

export async function readJson(req: Request): Promise<unknown> {
  const contentType = req.headers.get('content-type');
  if (contentType !== null && !isJsonMediaType(contentType)) throw unsupported(contentType);
  const bytes = await readBodyBytes(req);
  if (bytes.byteLength === 0) return undefined;
  if (contentType === null) throw unsupported(null);
  const text = decodeUtf8(bytes);
  if (text === null) throw new AppError('invalid_json', 'The request body is not valid UTF-8.');
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON.');
  }
  const problem = findBadValue(value);
  if (problem) throw validationError([problem]);
  return value;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text PostgreSQL can store: no NUL, well-formed UTF-16 (a lone surrogate is not a character). */
export function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'Text cannot contain the NUL character (\\u0000).';
  if (LONE_SURROGATE.test(s)) return 'Text cannot contain a lone surrogate (an unpaired \\ud800-\\udfff escape).';
  return null;
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/**
 * The first thing in a parsed JSON value that must be refused: nesting deeper than
 * MAX_JSON_DEPTH, or text (a string or a key) PostgreSQL cannot store. Iterative, so a hostile
 * depth cannot overflow the stack here.
 */
export function findBadValue(root: unknown, maxDepth = MAX_JSON_DEPTH): { path: string; message: string } | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: root, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const p = textProblem(v);
      if (p) return { path: path || '(body)', message: p };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return { path: path || '(body)', message: `JSON is nested more than ${maxDepth} levels deep.` };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: join(path, i), depth: depth + 1 });
      continue;
    }
    const entries = Object.entries(v as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, x] = entries[i]!;
      const p = textProblem(k);
      if (p) return { path: join(path, k.replace(/[\u0000\ud800-\udfff]/g, '?')), message: p };
      stack.push({ v: x, path: join(path, k), depth: depth + 1 });
    }
  }
  return null;
}
