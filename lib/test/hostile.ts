import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * The hostile-input battery: every route under app/api/v1 (found from the file tree, so a new
 * route is covered without touching this file) and every method it exports, with hostile path
 * parameters, query strings and bodies. See app/api/v1/hostile.test.ts.
 */
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RouteFn = (req: Request, ctx: { params: Promise<any> }) => Response | Promise<Response>;

export interface DiscoveredRoute {
  /** e.g. /api/v1/prompts/[name]/versions */
  pattern: string;
  /** Dynamic segment names in order, e.g. ['name']. */
  segments: string[];
  methods: Partial<Record<Method, RouteFn>>;
}

export async function discoverRoutes(root = path.join(process.cwd(), 'app/api/v1')): Promise<DiscoveredRoute[]> {
  const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('route.ts')).sort();
  const routes: DiscoveredRoute[] = [];
  for (const file of files) {
    const dir = path.dirname(file) === '.' ? '' : `/${path.dirname(file).split(path.sep).join('/')}`;
    const mod = (await import(`@/app/api/v1${dir}/route`)) as Record<string, unknown>;
    const methods: Partial<Record<Method, RouteFn>> = {};
    for (const m of METHODS) if (typeof mod[m] === 'function') methods[m] = mod[m] as RouteFn;
    routes.push({ pattern: `/api/v1${dir}`, segments: [...dir.matchAll(/\[(\w+)\]/g)].map((x) => x[1]!), methods });
  }
  return routes;
}

/** The URL path of a route with these parameter values (percent-encoded as a client would). */
export function urlOf(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\[(\w+)\]/g, (_, k: string) => {
    const v = params[k] ?? '';
    try {
      return encodeURIComponent(v);
    } catch {
      return v; // a lone surrogate cannot be encoded: send it as is (the handler sees it decoded anyway)
    }
  });
}

const deep = (n: number, open: string, close: string, inner = '0') => open.repeat(n) + inner + close.repeat(n);
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Hostile values of a path parameter (Next hands handlers the decoded text). */
export const HOSTILE_PARAMS: Record<string, string> = {
  nul: 'a\u0000b',
  loneSurrogate: 'a\ud800b',
  long: 'x'.repeat(5000),
  stillEncoded: '%ZZ',
  dotdot: '..',
  proto: '__proto__',
  ctor: 'constructor',
  hugeNumber: '99999999999999999999',
  negative: '-1',
  blank: ' ',
  empty: '',
  emoji: '🙂',
  sql: "' OR 1=1 --",
  slash: 'a/b',
};

/** Hostile query values; each is sent in every query parameter the route documents, one at a time. */
export const HOSTILE_QUERY_VALUES: Record<string, string> = {
  nul: '\u0000',
  long: 'x'.repeat(5000),
  negative: '-1',
  zero: '0',
  hugeNumber: '99999999999999999999',
  infinity: '1e400',
  nan: 'NaN',
  fraction: '1.5',
  json: '{"__proto__":{"x":1}}',
  percent: '%ZZ%',
  badDate: '2099-13-45T99:99:99Z',
  farDate: '+275760-09-13T00:00:00.000Z',
  deepCursor: Buffer.from(deep(3000, '[', ']')).toString('base64url'),
  protoCursor: Buffer.from('{"__proto__":{"polluted":1}}').toString('base64url'),
  empty: '',
  blank: ' ',
  wildcard: '%_\\',
};

/** Query strings sent as is (several keys at once). */
export const HOSTILE_QUERY_STRINGS: Record<string, string> = {
  repeatedKeys: 'limit=1&limit=2&cursor=a&cursor=b&label=x&label=y',
  encodedSurrogate: 'q=%ED%A0%80&label=%ED%A0%80&prompt=%ED%A0%80',
  badEncoding: 'q=%ZZ&label=%&cursor=%E0%A4%A',
  manyKeys: Array.from({ length: 500 }, (_, i) => `k${i}=${i}`).join('&'),
  source: 'source=evil&status=evil&feedback=evil&order=evil&assignee=evil',
};

export interface RawBody {
  body: string | Uint8Array;
  /** null: no Content-Type header at all. */
  contentType: string | null;
}

/** Bodies that are hostile whatever the route expects. */
export function genericBodies(): Record<string, RawBody> {
  const json = (body: string) => ({ body, contentType: 'application/json' });
  return {
    deepArray: json(deep(10_000, '[', ']')),
    deepObject: json(deep(10_000, '{"a":', '}')),
    deepInside: json(`{"name":"x","variables":${deep(6000, '{"v":', '}', '"x"')},"metadata":${deep(6000, '[', ']')}}`),
    textPlain: { body: '{"name":"csrf-test"}', contentType: 'text/plain' },
    form: { body: 'name=x&role=admin', contentType: 'application/x-www-form-urlencoded' },
    multipart: { body: '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--b--\r\n', contentType: 'multipart/form-data; boundary=b' },
    noContentType: { body: '{"name":"x"}', contentType: null },
    latin1: { body: '{"name":"x"}', contentType: 'application/json; charset=latin1' },
    invalidUtf8: { body: Buffer.concat([utf8('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3]), utf8('"}')]), contentType: 'application/json' },
    invalidJson: json('{"name":'),
    nullBody: json('null'),
    arrayBody: json('[]'),
    stringBody: json('"x"'),
    infinity: json('1e400'),
    trueBody: json('true'),
    hugeArray: json(`[${'0,'.repeat(200_000)}0]`),
    hugeItems: json(`{"items":[${'{},'.repeat(50_000)}{}]}`),
    longString: json(JSON.stringify({ name: 'x'.repeat(1_000_000), description: 'y'.repeat(1_000_000) })),
    proto: json('{"__proto__":{"role":"admin","polluted":1},"constructor":{"prototype":{"polluted":1}},"name":"x"}'),
    duplicateKeys: json('{"name":"a","name":"b","role":"viewer","role":"admin"}'),
    nulKey: json('{"a\\u0000b":1}'),
    surrogateKey: json('{"a\\ud800":1}'),
    tooLarge: json(`"${'x'.repeat(5 * 1024 * 1024 + 10)}"`),
  };
}

/** Values substituted for each leaf of a valid sample body, one leaf at a time. */
export const LEAF_MUTATIONS: Record<string, unknown> = {
  nul: 'a\u0000b',
  loneSurrogate: 'a\ud800b',
  lowSurrogate: '\udc00',
  longString: 'x'.repeat(100_000),
  nestedSections: `${'{{#a}}'.repeat(15_000)}x${'{{/a}}'.repeat(15_000)}`,
  partial: '{{> evil}}',
  unclosed: '{{#a}}',
  hugeNumber: 1e308,
  bigInt: 99_999_999_999,
  negative: -1,
  fraction: 1.5,
  deepValue: JSON.parse(deep(60, '{"a":', '}')) as unknown,
  bigArray: Array.from({ length: 5000 }, () => 'x'),
  objectValue: { __proto__: null, toString: 'x', valueOf: 1 },
  nullValue: null,
  emptyString: '',
};

/** Every way to replace one leaf (or one whole sub-object) of `sample` with `value`. */
export function mutateLeaves(sample: unknown, value: unknown): unknown[] {
  const out: unknown[] = [];
  const walk = (node: unknown, set: (v: unknown) => unknown) => {
    out.push(set(value));
    if (Array.isArray(node)) node.forEach((x, i) => walk(x, (v) => set(node.map((y, j) => (j === i ? v : y)))));
    else if (node && typeof node === 'object') {
      for (const k of Object.keys(node)) walk((node as Record<string, unknown>)[k], (v) => set({ ...(node as object), [k]: v }));
    }
  };
  if (sample && typeof sample === 'object') {
    for (const k of Object.keys(sample)) walk((sample as Record<string, unknown>)[k], (v) => ({ ...(sample as object), [k]: v }));
  }
  return out;
}
