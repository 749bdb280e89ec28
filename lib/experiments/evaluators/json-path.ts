/**
 * Paths into JSON for json_field: dotted keys and [n] array indexes, e.g. `violation`,
 * `a.b[0].c`, `[2]`, `items[0][1]`. A key with dots, brackets, quotes or spaces is written quoted
 * in brackets: `["a.b"]` or `['my key']` (JSON-style escapes inside double quotes). A bare key is
 * any run of characters other than `.`, `[`, `]`, quotes and whitespace (so `größe` and `名前`
 * work). Indexes are 0, 1, 2... without leading zeros. Rejected: empty paths and segments
 * (`a..b`, `.a`, `a.`), unquoted non-numeric indexes (`a[x]`), negative or padded indexes,
 * unclosed brackets, more than MAX_SEGMENTS segments.
 */
export type Segment = { key: string } | { index: number };

export const MAX_PATH_CHARS = 500;
export const MAX_SEGMENTS = 32;

export type ParsedPath = { ok: true; segments: Segment[] } | { ok: false; message: string };

const BARE = /^[^.[\]"'\s]+/;

function quoted(path: string, at: number): { key: string; end: number } | { error: string } {
  const q = path[at];
  let i = at + 1;
  let raw = '';
  while (i < path.length && path[i] !== q) {
    if (path[i] === '\\' && i + 1 < path.length) {
      raw += path.slice(i, i + 2);
      i += 2;
    } else raw += path[i++];
  }
  if (i >= path.length) return { error: `unclosed quote at character ${at + 1}` };
  let key: string;
  if (q === '"') {
    try {
      key = JSON.parse(`"${raw}"`) as string;
    } catch {
      return { error: `bad escape in the quoted key at character ${at + 1}` };
    }
  } else key = raw.replace(/\\(.)/g, '$1');
  return { key, end: i + 1 };
}

export function parsePath(path: string): ParsedPath {
  if (path.length === 0) return { ok: false, message: 'The path is empty; name a field, e.g. `violation` or `a.b[0]`.' };
  if (path.length > MAX_PATH_CHARS) return { ok: false, message: `The path is longer than ${MAX_PATH_CHARS} characters.` };
  const segments: Segment[] = [];
  let i = 0;
  const fail = (what: string): ParsedPath => ({ ok: false, message: `Invalid path "${path}": ${what}.` });
  while (i < path.length) {
    const ch = path[i];
    if (ch === '[') {
      const close = path.indexOf(']', i);
      const next = path[i + 1];
      if (next === '"' || next === "'") {
        const q = quoted(path, i + 1);
        if ('error' in q) return fail(q.error);
        if (path[q.end] !== ']') return fail(`expected "]" after the quoted key at character ${q.end + 1}`);
        segments.push({ key: q.key });
        i = q.end + 1;
      } else {
        if (close < 0) return fail(`unclosed "[" at character ${i + 1}`);
        const inner = path.slice(i + 1, close);
        if (!/^(0|[1-9][0-9]{0,8})$/.test(inner)) {
          return fail(`"[${inner}]" is not an array index (use [0], [1], ...; quote keys: ["${inner}"])`);
        }
        segments.push({ index: Number(inner) });
        i = close + 1;
      }
    } else {
      if (segments.length > 0) {
        if (ch !== '.') return fail(`expected "." or "[" at character ${i + 1}`);
        i += 1;
      }
      const m = BARE.exec(path.slice(i));
      if (!m) return fail(path[i] === '.' || i >= path.length ? `empty segment at character ${i + 1}` : `unexpected "${path[i]}" at character ${i + 1}`);
      segments.push({ key: m[0] });
      i += m[0].length;
    }
    if (segments.length > MAX_SEGMENTS) return fail(`more than ${MAX_SEGMENTS} segments`);
  }
  return { ok: true, segments };
}

/** The value at a path, or found=false naming the first segment that is missing. */
export function valueAt(root: unknown, segments: readonly Segment[]): { found: true; value: unknown } | { found: false; missing: string } {
  let cur: unknown = root;
  let walked = '';
  for (const s of segments) {
    if ('index' in s) {
      walked += `[${s.index}]`;
      if (!Array.isArray(cur) || s.index >= cur.length) return { found: false, missing: walked };
      cur = cur[s.index];
    } else {
      walked += walked ? `.${s.key}` : s.key;
      if (typeof cur !== 'object' || cur === null || Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, s.key)) return { found: false, missing: walked };
      cur = (cur as Record<string, unknown>)[s.key];
    }
  }
  return { found: true, value: cur };
}
