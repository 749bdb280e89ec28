import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { converseInput, extractVariables, renderTemplate, TemplateError, type Template } from '../src/index';

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

const converse = read('converse-cases.json') as { cases: { name: string; prompt: Parameters<typeof converseInput>[0]; rendered: Parameters<typeof converseInput>[1]; expect: unknown }[] };

describe('Converse vectors (clients/converse-cases.json)', () => {
  it.each(converse.cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    expect(converseInput(c.prompt, c.rendered)).toEqual(c.expect);
  });
});
