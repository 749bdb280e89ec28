import Mustache from 'mustache';
import { AppError } from '../errors';
import type { Template } from './schemas';

/**
 * Templates are logic-less mustache: `{{var}}`, sections `{{#var}}...{{/var}}` and inverted
 * sections `{{^var}}...{{/var}}`. Nothing executes; partials are not allowed. Values are inserted
 * verbatim (no HTML escaping: this is prompt text, not HTML).
 */

type Token = [string, string, number, number, Token[]?, number?];

/** `system` / `messages.1` as the editor calls them: "System prompt", "Message 2". */
export function placeName(where: string): string {
  const m = /^messages\.(\d+)$/.exec(where);
  return m ? `Message ${Number(m[1]) + 1}` : where === 'system' ? 'System prompt' : where;
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

/** mustache.js's parse errors, in words a prompt author reads (where it starts, as line and column). */
export function describeParseError(message: string, text: string): string {
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
  try {
    return Mustache.parse(text) as unknown as Token[];
  } catch (err) {
    throw new AppError('template_error', `${placeName(where)}: ${describeParseError((err as Error).message, text)}.`, { where });
  }
}

interface Names {
  /** Plain names outside any section: rendering needs them. */
  required: Set<string>;
  /** Every top-level name (plain or section), in order of first appearance. */
  ordered: Set<string>;
}

function collect(tokens: Token[], names: Names, depth: number, where: string): void {
  for (const t of tokens) {
    const [type, value] = t;
    const root = value.split('.')[0] ?? value;
    if (type === 'name' || type === '&') {
      // Inside a section a name may come from the section's item; only top-level names are required.
      if (depth === 0 && root !== '.') {
        names.required.add(root);
        names.ordered.add(root);
      }
    } else if (type === '#' || type === '^') {
      if (depth === 0) names.ordered.add(root);
      collect(t[4] ?? [], names, depth + 1, where);
    } else if (type === '>') {
      throw new AppError('template_error', `${placeName(where)}: partials ({{> ${value}}}) are not supported.`, { where });
    }
  }
}

function templateTexts(t: Template): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  if (t.system) out.push({ where: 'system', text: t.system });
  t.messages.forEach((m, i) => out.push({ where: `messages.${i}`, text: m.content }));
  return out;
}

function analyse(t: Template): Names {
  const names: Names = { required: new Set(), ordered: new Set() };
  for (const { where, text } of templateTexts(t)) collect(parse(text, where), names, 0, where);
  return names;
}

/** Variable names in order of first appearance: plain names and section names. */
export function extractVariables(t: Template): string[] {
  return [...analyse(t).ordered];
}

/** Throws template_error for a template that does not parse. */
export function validateTemplate(t: Template): void {
  analyse(t);
}

export interface Rendered {
  system: string | null;
  messages: { role: 'user' | 'assistant'; content: string }[];
}

const render = (text: string, vars: Record<string, unknown>) =>
  Mustache.render(text, vars, undefined, { escape: (v: unknown) => String(v) });

export function renderTemplate(t: Template, variables: Record<string, unknown>): Rendered {
  const names = analyse(t);
  // Own properties only, on an object without a prototype: {{constructor}} is not "given".
  const view: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, variables);
  const missing = [...names.required].filter((n) => !Object.hasOwn(variables, n) || variables[n] === undefined || variables[n] === null);
  if (missing.length > 0) {
    throw new AppError('missing_variables', `Missing variables: ${missing.join(', ')}.`, { missing });
  }
  return {
    system: t.system ? render(t.system, view) : null,
    messages: t.messages.map((m) => ({ role: m.role, content: render(m.content, view) })),
  };
}
