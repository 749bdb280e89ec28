import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { extractVariables, renderTemplate } from './template';

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
});
