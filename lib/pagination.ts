import { z } from 'zod';
import { AppError } from './errors';

/** PostgreSQL INTEGER's range: larger numbers are bad input (400), never a database error. */
export const INT4_MAX = 2_147_483_647;
export const int4 = (min: number, what: string) => z.number().int(`${what} is a whole number.`).min(min, `${what} is ${min} or more.`).max(INT4_MAX, `${what} is too large.`);
export const coercedInt4 = (min: number, what: string) => z.coerce.number().int(`${what} is a whole number.`).min(min, `${what} is ${min} or more.`).max(INT4_MAX, `${what} is too large.`);
export const isInt4 = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= INT4_MAX;

/** `limit` (default 50, at most 200) and `cursor`, as every list takes them. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1, 'limit is 1 to 200.').max(200, 'limit is 1 to 200.').default(50),
  cursor: z.string().max(500).optional(),
});

/** Opaque keyset cursors: base64url JSON of the last item's sort key. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined, check: (v: unknown) => v is T): T | undefined {
  if (!cursor) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (check(v)) return v;
  } catch {
    // fall through
  }
  throw new AppError('validation_error', 'The cursor is not valid; start again from the first page.', [{ path: 'cursor', message: 'Invalid cursor.' }]);
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Takes limit+1 rows and turns them into a page. */
export function toPage<R, T>(rows: R[], limit: number, map: (r: R) => T, keyOf: (r: R) => unknown): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: more && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
