import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { extractVariables, MAX_SECTION_DEPTH, renderTemplate } from './template';

const t = (content: string, system?: string) => ({ system, messages: [{ role: 'user' as const, content }] });

describe('templates', () => {
  it('extracts variables in order of appearance, including sections and dotted roots', () => {
    expect(extractVariables(t('{{a}} {{#b}}{{inner}}{{/b}} {{c.d}} {{a}}', 'Hi {{z}}'))).toEqual(['z', 'a', 'b', 'c']);
  });

  it('renders verbatim, without HTML escaping', () => {
    const r = renderTemplate(t('<comment>{{c}}</comment>'), { c: '"A & <B>"' });
    expect(r.messages[0]?.content).toBe('<comment>"A & <B>"</comment>');
    expect(r.system).toBeNull();
  });

  it('renders sections logic-lessly: falsy hides, lists repeat, inverted shows', () => {
    const tpl = t('{{#on}}yes{{/on}}{{^on}}no{{/on}}|{{#items}}[{{.}}]{{/items}}');
    expect(renderTemplate(tpl, { on: true, items: ['x', 'y'] }).messages[0]?.content).toBe('yes|[x][y]');
    expect(renderTemplate(tpl, { on: false, items: [] }).messages[0]?.content).toBe('no|');
  });

  it('reports every missing variable by name', () => {
    try {
      renderTemplate(t('{{a}} {{b}} {{#opt}}{{x}}{{/opt}}', '{{sys}}'), { a: 'ok' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('missing_variables');
      expect((e as AppError).status).toBe(400);
      expect((e as AppError).details).toEqual({ missing: ['sys', 'b'] });
    }
  });

  it('rejects unclosed sections and partials with a template_error', () => {
    expect(() => extractVariables(t('{{#a}} open'))).toThrow('Message 1: the section {{#a}} is not closed: add {{/a}} (at line 1, column 1).');
    expect(() => extractVariables(t('{{> other}}'))).toThrow(/partials/);
  });

  it('says where a template breaks in the editor\'s words (message number, line and column)', () => {
    const two = { messages: [{ role: 'user' as const, content: 'ok' }, { role: 'assistant' as const, content: 'fine' }, { role: 'user' as const, content: 'Line one\nSee {{name' }] };
    expect(() => extractVariables(two)).toThrow('Message 3: a tag opened with {{ is not closed with }} (at line 2, column 5).');
    expect(() => extractVariables(t('ok', 'Hi {{/x}}'))).toThrow('System prompt: {{/x}} closes a section that was not opened (at line 1, column 4).');
  });

  it('refuses sections nested deeper than the limit, naming the message as the editor does', () => {
    const nested = (n: number) => `${'{{#a}}'.repeat(n)}x${'{{/a}}'.repeat(n)}`;
    expect(() => extractVariables(t(nested(MAX_SECTION_DEPTH)))).not.toThrow();
    const deep = { messages: [{ role: 'user' as const, content: 'ok' }, { role: 'user' as const, content: nested(15_000) }] };
    expect(() => extractVariables(deep)).toThrow('Message 2: sections are nested more than 16 deep.');
    expect(() => renderTemplate(deep, { a: true })).toThrow(/Message 2: sections are nested/);
    expect(() => extractVariables(t('x', nested(17)))).toThrow(/^System prompt: sections are nested/);
  });

  it('bounds the work of sections over long lists nested in each other', () => {
    const tpl = t('{{#a}}{{#a}}{{#a}}{{x}}{{/a}}{{/a}}{{/a}}');
    const a = Array.from({ length: 500 }, () => ({}));
    expect(() => renderTemplate(tpl, { a, x: 'y' })).toThrow(/Message 1: rendering repeats sections too often|longer than/);
    expect(() => renderTemplate(t('{{#a}}{{x}}{{/a}}'), { a: Array.from({ length: 20 }, () => 1), x: 'z'.repeat(100_000) })).toThrow(/longer than 1,000,000 characters/);
  });

  it('looks names up in what the caller gave only, never in Object.prototype', () => {
    const r = renderTemplate(t('{{#item}}[{{constructor}}|{{toString}}|{{name}}]{{/item}}'), { item: { name: 'n' } });
    expect(r.messages[0]?.content).toBe('[||n]');
    expect(renderTemplate(t('{{v}}'), { v: { a: [1, 2] } }).messages[0]?.content).toBe('{"a":[1,2]}');
  });
});

/**
 * The shared vectors (clients/template-cases.json) that the TypeScript and Python clients run
 * too: local rendering in an application gives exactly what the server gives.
 */
interface TemplateCase {
  name: string;
  template: { system?: string; messages: { role: 'user' | 'assistant'; content: string }[] };
  variables: Record<string, unknown>;
  variableNames?: string[];
  expect?: unknown;
  error?: { code: string; missing?: string[]; where?: string; message?: string };
}
const shared = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../clients/template-cases.json'), 'utf8')) as { cases: TemplateCase[] };

describe('shared template vectors (clients/template-cases.json)', () => {
  it('has cases for every rule', () => {
    expect(shared.cases.length).toBeGreaterThan(60);
    expect(new Set(shared.cases.map((c) => c.name)).size).toBe(shared.cases.length);
  });

  it.each(shared.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    if (c.variableNames) expect(extractVariables(c.template)).toEqual(c.variableNames);
    else expect(() => extractVariables(c.template)).toThrow(AppError);
    if (c.expect) {
      expect(renderTemplate(c.template, c.variables)).toEqual(c.expect);
      return;
    }
    let caught: unknown;
    try {
      renderTemplate(c.template, c.variables);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    const e = caught as AppError;
    expect(e.code).toBe(c.error?.code);
    if (c.error?.code === 'missing_variables') expect(e.details).toEqual({ missing: c.error.missing });
    else expect({ where: (e.details as { where: string }).where, message: e.message }).toEqual({ where: c.error?.where, message: c.error?.message });
  });
});
