import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { converseInput, type ModelCall } from './bedrock';

/**
 * The shared Converse vectors (clients/converse-cases.json): the client libraries' helpers that
 * build a Converse request from a rendered version must send exactly what the gateway sends,
 * bundle included (tools, toolChoice, cachePoints; a fallback model as the gateway calls it).
 */
interface ConverseCase {
  name: string;
  prompt: { modelId: string; params: ModelCall['params']; guardrail: ModelCall['guardrail']; tools?: ModelCall['tools']; toolChoice?: ModelCall['toolChoice']; cachePoints?: ModelCall['cachePoints'] };
  fallback?: string;
  rendered: { system: string | null; messages: ModelCall['messages'] };
  expect: unknown;
}
const { cases } = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../clients/converse-cases.json'), 'utf8')) as { cases: ConverseCase[] };

/** The gateway's call for a version (lib/invocations/gateway.ts prepareInvocation), on a fallback as withFallbacks makes it. */
function gatewayCall(c: ConverseCase): ModelCall {
  const { prompt: p } = c;
  const call: ModelCall = { modelId: p.modelId, system: c.rendered.system, messages: c.rendered.messages, params: p.params, guardrail: p.guardrail ?? null, tools: p.tools, toolChoice: p.toolChoice, cachePoints: p.cachePoints };
  return { ...call, modelId: c.fallback ?? call.modelId };
}

describe('shared Converse vectors (clients/converse-cases.json)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(converseInput(gatewayCall(c))).toEqual(c.expect);
  });

  it('cover the bundle: every tool choice, cache points on the system prompt and messages, fallbacks', () => {
    const choices = new Set(cases.map((c) => JSON.stringify(c.prompt.toolChoice ?? null)));
    expect([...choices]).toEqual(expect.arrayContaining(['"auto"', '"any"', expect.stringMatching(/^\{"tool":/), 'null']));
    expect(cases.some((c) => c.prompt.cachePoints?.includes('system'))).toBe(true);
    expect(cases.some((c) => c.prompt.cachePoints?.some((x) => typeof x === 'number'))).toBe(true);
    expect(cases.some((c) => c.fallback)).toBe(true);
  });
});
