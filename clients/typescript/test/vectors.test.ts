import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { converseInput, converseModels, extractVariables, renderTemplate, TemplateError, toolConfig, type Template } from '../src/index';

/** The shared vectors the server runs too: local rendering and Converse requests match it exactly. */
const read = (f: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, '../..', f), 'utf8'));

interface TemplateCase {
  name: string;
  template: Template;
  variables: Record<string, unknown>;
  variableNames?: string[];
  expect?: unknown;
  error?: { code: string; missing?: string[]; where?: string; message?: string };
}
const templates = read('template-cases.json') as { cases: TemplateCase[] };

describe('template vectors (clients/template-cases.json)', () => {
  it.each(templates.cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    if (c.variableNames) expect(extractVariables(c.template)).toEqual(c.variableNames);
    else expect(() => extractVariables(c.template)).toThrow(TemplateError);
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
    expect(caught).toBeInstanceOf(TemplateError);
    const e = caught as TemplateError;
    expect(e.code).toBe(c.error?.code);
    if (e.code === 'missing_variables') expect(e.missing).toEqual(c.error?.missing);
    else expect({ where: e.where, message: e.message }).toEqual({ where: c.error?.where, message: c.error?.message });
  });
});

const converse = read('converse-cases.json') as { cases: { name: string; prompt: Parameters<typeof converseInput>[0]; fallback?: string; rendered: Parameters<typeof converseInput>[1]; expect: unknown }[] };

describe('Converse vectors (clients/converse-cases.json)', () => {
  it.each(converse.cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const input = converseInput(c.prompt, c.rendered, c.fallback ? { modelId: c.fallback } : {});
    expect(input).toEqual(c.expect);
    // What goes over the wire (JSON) is the same too: no undefined fields hiding in the object.
    expect(JSON.parse(JSON.stringify(input))).toStrictEqual(c.expect);
  });
});

describe('the bundle helpers', () => {
  const tool = { name: 'lookup', description: 'Finds an order', inputSchema: { type: 'object' } };
  const version = { modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0', params: { topK: 5 }, tools: [tool], toolChoice: 'auto' as const, cachePoints: ['system' as const, 0], fallbacks: ['amazon.nova-lite-v1:0'] };
  const rendered = { system: 'Be brief.', messages: [{ role: 'user' as const, content: 'Order 7?' }] };

  it('converseModels: the version\'s model, then its fallbacks in order', () => {
    expect(converseModels(version)).toEqual(['anthropic.claude-3-5-haiku-20241022-v1:0', 'amazon.nova-lite-v1:0']);
    expect(converseModels({ modelId: 'm.x' })).toEqual(['m.x']);
  });

  it('toolConfig: nothing without tools, even with a choice', () => {
    expect(toolConfig([], 'auto')).toBeUndefined();
    expect(toolConfig(null, { tool: 'x' })).toBeUndefined();
    expect(toolConfig([tool], null)).toEqual({ tools: [{ toolSpec: { name: 'lookup', description: 'Finds an order', inputSchema: { json: { type: 'object' } } } }] });
  });

  it('each request gets its own blocks: changing one request changes no other', () => {
    const a = converseInput(version, rendered);
    const b = converseInput(version, rendered);
    (a.system![1] as { cachePoint: { type: string } }).cachePoint.type = 'changed';
    expect(b.system![1]).toEqual({ cachePoint: { type: 'default' } });
    expect(a.messages[0]!.content[1]).not.toBe(b.messages[0]!.content[1]);
  });

  it('a version served without bundle fields (an older server) maps as an empty bundle', () => {
    expect(converseInput({ modelId: 'amazon.nova-lite-v1:0', params: {} }, rendered)).toEqual({
      modelId: 'amazon.nova-lite-v1:0',
      messages: [{ role: 'user', content: [{ text: 'Order 7?' }] }],
      system: [{ text: 'Be brief.' }],
    });
  });
});
