import Mustache from 'mustache';
import { TemplateError } from './errors.js';
import type { Message, Template } from './types.js';

/**
 * Local rendering with exactly the server's rules (lib/catalog/template.ts; both run the shared
 * vectors in clients/template-cases.json): logic-less mustache (`{{var}}`, sections
 * `{{#var}}...{{/var}}`, inverted sections `{{^var}}...{{/var}}`, comments, set delimiters),
 * no partials, no HTML escaping (lists and objects are inserted as JSON), names resolved to the
 * variables' own properties only (`{{constructor}}` is a missing variable), sections nested at
 * most 16 deep, and a bounded amount of work per text.
 */
type Token = [string, string, number, number, Token[]?, number?];

export const MAX_SECTION_DEPTH = 16;
export const MAX_RENDER_TOKENS = 1_000_000;
export const MAX_RENDERED_CHARS = 1_000_000;

export interface Rendered {
  system: string | null;
  messages: Message[];
}

function describeWhere(where: string): string {
  const m = /^messages\.(\d+)$/.exec(where);
  if (m) return `Message ${Number(m[1]) + 1}`;
  return where === 'system' ? 'System prompt' : where;
}

const templateError = (where: string, message: string) => new TemplateError('template_error', `${describeWhere(where)}: ${message}`, where);

/** Values go in verbatim; a list or object as JSON. */
const asText = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

function ownValue(v: unknown, key: string): { hit: boolean; value?: unknown } {
  if (v === null || v === undefined) return { hit: false };
  if ((typeof v === 'object' || typeof v === 'string') && Object.hasOwn(v as object, key)) return { hit: true, value: (v as Record<string, unknown>)[key] };
  return { hit: false };
}

/** mustache.js's lookup restricted to own properties (as the server). */
class PlainContext extends Mustache.Context {
  override push(view: unknown): Mustache.Context {
    return new PlainContext(view, this);
  }
  override lookup(name: string): unknown {
    if (name === '.') return this.view;
    for (let ctx: Mustache.Context | undefined = this as Mustache.Context; ctx; ctx = ctx.parent) {
      const view: unknown = ctx.view;
      if (name.indexOf('.') > 0) {
        const parts = name.split('.');
        let v: unknown = view;
        let hit = false;
        for (let i = 0; i < parts.length && v !== null && v !== undefined; i++) {
          const step = ownValue(v, parts[i]!);
          if (i === parts.length - 1) hit = step.hit;
          v = step.value;
        }
        if (hit) return v;
      } else if (typeof view === 'object' && view !== null && Object.hasOwn(view, name)) {
        return (view as Record<string, unknown>)[name];
      }
    }
    return undefined;
  }
}

class BoundedWriter extends Mustache.Writer {
  tokensLeft = MAX_RENDER_TOKENS;
  charsLeft = MAX_RENDERED_CHARS;
  constructor(private readonly where: string) {
    super();
    (this as unknown as { templateCache: undefined }).templateCache = undefined;
  }
  override renderTokens(...args: Parameters<Mustache.Writer['renderTokens']>): string {
    this.tokensLeft -= args[0].length;
    if (this.tokensLeft < 0) throw templateError(this.where, `rendering repeats sections too often (more than ${MAX_RENDER_TOKENS.toLocaleString('en-US')} steps); use shorter lists or fewer nested sections.`);
    const out = super.renderTokens(...args);
    this.charsLeft -= out.length;
    if (this.charsLeft < 0) throw templateError(this.where, `the rendered text would be longer than ${MAX_RENDERED_CHARS.toLocaleString('en-US')} characters.`);
    return out;
  }
  override unescapedValue(token: string[], context: Mustache.Context): string {
    const value: unknown = context.lookup(token[1]!);
    return value === null || value === undefined ? '' : asText(value);
  }
}

function lineAndColumn(text: string, at: number): string {
  const before = text.slice(0, Math.max(0, Math.min(at, text.length)));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** The last opening of section `name` before `at` ({{#name}} or {{^name}}), or `at`. */
function sectionStart(text: string, name: string, at: number): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let found = -1;
  for (const m of text.slice(0, at).matchAll(new RegExp(`\\{\\{\\s*[#^]\\s*${escaped}\\s*\\}\\}`, 'g'))) found = m.index;
  return found >= 0 ? found : at;
}

/** mustache.js's parse errors in the words the server uses (where it starts, as line and column). */
function describeParseError(message: string, text: string): string {
  let m = /^Unclosed tag at (\d+)$/.exec(message);
  if (m) {
    const open = text.lastIndexOf('{{', Number(m[1]));
    return `a tag opened with {{ is not closed with }} (at ${lineAndColumn(text, open >= 0 ? open : Number(m[1]))})`;
  }
  m = /^Unclosed section "(.*)" at (\d+)$/.exec(message);
  if (m) return `the section {{#${m[1]}}} is not closed: add {{/${m[1]}}} (at ${lineAndColumn(text, sectionStart(text, m[1] ?? '', Number(m[2])))})`;
  m = /^Unopened section "(.*)" at (\d+)$/.exec(message);
  if (m) return `{{/${m[1]}}} closes a section that was not opened (at ${lineAndColumn(text, Number(m[2]))})`;
  return message;
}

function parse(text: string, where: string): Token[] {
  let tokens: Token[];
  try {
    tokens = new BoundedWriter(where).parse(text) as unknown as Token[];
  } catch (err) {
    throw templateError(where, `${describeParseError((err as Error).message, text)}.`);
  }
  const stack: { list: Token[]; depth: number }[] = [{ list: tokens, depth: 0 }];
  while (stack.length > 0) {
    const { list, depth } = stack.pop()!;
    for (const t of list) {
      if (t[0] !== '#' && t[0] !== '^') continue;
      if (depth + 1 > MAX_SECTION_DEPTH) throw templateError(where, `sections are nested more than ${MAX_SECTION_DEPTH} deep.`);
      stack.push({ list: t[4] ?? [], depth: depth + 1 });
    }
  }
  return tokens;
}

interface Names {
  required: Set<string>;
  ordered: Set<string>;
}

function collect(tokens: Token[], names: Names, depth: number, where: string): void {
  for (const t of tokens) {
    const [type, value] = t;
    const root = value.split('.')[0] ?? value;
    if (type === 'name' || type === '&') {
      if (depth === 0 && value !== '.') {
        names.required.add(root);
        names.ordered.add(root);
      }
    } else if (type === '#' || type === '^') {
      if (depth === 0 && value !== '.') names.ordered.add(root);
      collect(t[4] ?? [], names, depth + 1, where);
    } else if (type === '>') {
      throw templateError(where, `partials ({{> ${value}}}) are not supported.`);
    }
  }
}

function analyse(t: Template): Names {
  const names: Names = { required: new Set(), ordered: new Set() };
  const texts = [...(t.system ? [{ where: 'system', text: t.system }] : []), ...t.messages.map((m, i) => ({ where: `messages.${i}`, text: m.content }))];
  for (const { where, text } of texts) collect(parse(text, where), names, 0, where);
  return names;
}

/** The template's variable names in order of first appearance (what the server lists as `variables`). */
export function extractVariables(t: Template): string[] {
  return [...analyse(t).ordered];
}

function plainView(v: unknown, depth = 0): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (depth > 64) throw new TemplateError('template_error', 'Variables are nested more than 64 levels deep.', 'variables');
  if (Array.isArray(v)) return v.map((x) => plainView(x, depth + 1));
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = plainView(x, depth + 1);
  return out;
}

/**
 * Renders a template as the server's render and invoke do. Throws a TemplateError:
 * `template_error` (does not parse, nested too deep, too much work) or `missing_variables`
 * (names used outside sections that are absent or null).
 */
export function renderTemplate(t: Template, variables: Record<string, unknown> = {}): Rendered {
  const names = analyse(t);
  const view = plainView(variables) as Record<string, unknown>;
  const missing = [...names.required].filter((n) => !Object.hasOwn(variables, n) || variables[n] === undefined || variables[n] === null);
  if (missing.length > 0) throw new TemplateError('missing_variables', `Missing variables: ${missing.join(', ')}.`, undefined, missing);
  const render = (where: string, text: string) => new BoundedWriter(where).render(text, new PlainContext(view), undefined, { escape: asText });
  return {
    system: t.system ? render('system', t.system) : null,
    messages: t.messages.map((m, i) => ({ role: m.role, content: render(`messages.${i}`, m.content) })),
  };
}
