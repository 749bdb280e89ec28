import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { converseInput, type ModelCall } from './bedrock';

/**
 * The shared Converse vectors (clients/converse-cases.json): the client libraries' helpers that
 * build a Converse request from a rendered version must send exactly what the gateway sends.
 */
interface ConverseCase {
  name: string;
  prompt: { modelId: string; params: ModelCall['params']; guardrail: ModelCall['guardrail'] };
  rendered: { system: string | null; messages: ModelCall['messages'] };
  expect: unknown;
}
const { cases } = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../clients/converse-cases.json'), 'utf8')) as { cases: ConverseCase[] };

describe('shared Converse vectors (clients/converse-cases.json)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(converseInput({ modelId: c.prompt.modelId, params: c.prompt.params, guardrail: c.prompt.guardrail, ...c.rendered })).toEqual(c.expect);
  });
});
