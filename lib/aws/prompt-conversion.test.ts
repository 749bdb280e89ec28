import type { PromptVariant } from '@aws-sdk/client-bedrock-agent';
import { describe, expect, it } from 'vitest';
import { bedrockNameFor, fromBedrockPrompt, promptdeckNameFor } from './prompt-conversion';
import { toBedrockVariant } from './prompt-publish';

const HAIKU = 'anthropic.claude-3-5-haiku-20241022-v1:0';

const chatVariant = (chat: Record<string, unknown>, extra: Partial<PromptVariant> = {}): PromptVariant =>
  ({ name: 'main', templateType: 'CHAT', modelId: HAIKU, templateConfiguration: { chat }, ...extra }) as PromptVariant;

const codes = (notes: { code: string }[]) => notes.map((n) => n.code);

describe('fromBedrockPrompt', () => {
  it('converts a CHAT variant: system, messages, inference settings, top_k from the model fields', () => {
    const out = fromBedrockPrompt({
      name: 'support-reply',
      version: '2',
      description: 'Calmer tone',
      defaultVariant: 'main',
      variants: [
        chatVariant(
          { system: [{ text: 'Be kind.' }], messages: [{ role: 'user', content: [{ text: 'Hi {{name}}' }] }, { role: 'assistant', content: [{ text: 'Hello' }] }, { role: 'user', content: [{ text: '{{question}}' }] }] },
          { inferenceConfiguration: { text: { temperature: 0.3, topP: 0.9, maxTokens: 400, stopSequences: ['END'] } }, additionalModelRequestFields: { top_k: 50 } as never },
        ),
      ],
    });
    expect(out).toEqual({
      ok: true,
      version: {
        template: {
          system: 'Be kind.',
          messages: [
            { role: 'user', content: 'Hi {{name}}' },
            { role: 'assistant', content: 'Hello' },
            { role: 'user', content: '{{question}}' },
          ],
        },
        modelId: HAIKU,
        params: { temperature: 0.3, topP: 0.9, maxTokens: 400, stopSequences: ['END'], topK: 50 },
        commitMessage: 'Calmer tone (Bedrock version 2)',
      },
      notes: [],
      extras: {},
    });
  });

  it('turns a TEXT template into one user message and says so', () => {
    const out = fromBedrockPrompt({
      name: 'p',
      version: 'DRAFT',
      variants: [{ name: 'v', templateType: 'TEXT', modelId: 'amazon.nova-lite-v1:0', templateConfiguration: { text: { text: 'Describe {{product}}' } }, additionalModelRequestFields: { inferenceConfig: { topK: 20 } } as never }],
    });
    expect(out.ok && out.version.template).toEqual({ messages: [{ role: 'user', content: 'Describe {{product}}' }] });
    expect(out.ok && out.version.params).toEqual({ topK: 20 });
    expect(out.ok && out.version.commitMessage).toBe('Imported from Bedrock prompt p, the draft');
    expect(codes(out.notes)).toEqual(['text_template_as_user_message']);
  });

  it('keeps tools, unknown model fields and metadata aside, lists what it joined, merged or dropped', () => {
    const tools = { tools: [{ toolSpec: { name: 'route', inputSchema: { json: { type: 'object' } } } }], toolChoice: { any: {} } };
    const out = fromBedrockPrompt({
      variants: [
        chatVariant(
          {
            system: [{ text: 'A' }, { cachePoint: { type: 'default' } }, { text: 'B' }],
            messages: [
              { role: 'user', content: [{ text: 'one' }, { text: 'two' }] },
              { role: 'user', content: [{ text: 'three' }] },
              { role: 'assistant', content: [{ cachePoint: { type: 'default' } }] },
            ],
            toolConfiguration: tools,
          },
          {
            inferenceConfiguration: { text: { maxTokens: 0 } },
            additionalModelRequestFields: { top_k: 5, anthropic_beta: ['x'] } as never,
            metadata: [{ key: 'team', value: 'support' }],
          },
        ),
        chatVariant({ messages: [{ role: 'user', content: [{ text: 'other' }] }] }, { name: 'other' }),
      ],
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.version.template).toEqual({ system: 'A\n\nB', messages: [{ role: 'user', content: 'one\n\ntwo\n\nthree' }] });
    expect(out.version.params).toEqual({ topK: 5 });
    expect(out.extras).toEqual({ toolConfiguration: tools, additionalModelRequestFields: { anthropic_beta: ['x'] }, metadata: [{ key: 'team', value: 'support' }] });
    expect(codes(out.notes).sort()).toEqual(
      ['additional_fields_not_imported', 'blocks_joined', 'cache_points_dropped', 'max_tokens_zero_dropped', 'messages_merged', 'metadata_not_imported', 'other_variants_ignored', 'tools_not_imported'].sort(),
    );
  });

  it('uses the default variant when there are several', () => {
    const out = fromBedrockPrompt({
      defaultVariant: 'b',
      variants: [chatVariant({ messages: [{ role: 'user', content: [{ text: 'from a' }] }] }, { name: 'a' }), chatVariant({ messages: [{ role: 'user', content: [{ text: 'from b' }] }] }, { name: 'b' })],
    });
    expect(out.ok && out.version.template.messages[0]?.content).toBe('from b');
  });

  it.each([
    ['no variant', { variants: [] }, 'no_variant'],
    ['an agent variant', { variants: [{ name: 'a', templateType: 'TEXT', templateConfiguration: { text: { text: 'x' } }, genAiResource: { agent: { agentIdentifier: 'arn:x' } } }] }, 'agent_variant'],
    ['no model', { variants: [{ name: 'a', templateType: 'TEXT', templateConfiguration: { text: { text: 'x' } } }] }, 'no_model'],
    ['a bad model id', { variants: [chatVariant({ messages: [{ role: 'user', content: [{ text: 'x' }] }] }, { modelId: 'not a model' })] }, 'invalid_model'],
    ['no messages', { variants: [chatVariant({ messages: [] })] }, 'no_messages'],
    ['an assistant first', { variants: [chatVariant({ messages: [{ role: 'assistant', content: [{ text: 'x' }] }] })] }, 'starts_with_assistant'],
    ['a template that does not parse', { variants: [chatVariant({ messages: [{ role: 'user', content: [{ text: 'Hi {{#open}}' }] }] })] }, 'invalid_template'],
    ['out-of-range settings', { variants: [chatVariant({ messages: [{ role: 'user', content: [{ text: 'x' }] }] }, { inferenceConfiguration: { text: { temperature: 3 } } })] }, 'invalid_params'],
  ])('refuses %s with a reason', (_what, prompt, reason) => {
    const out = fromBedrockPrompt(prompt as never);
    expect(out.ok).toBe(false);
    expect(!out.ok && out.reason).toBe(reason);
    expect(!out.ok && out.message.length).toBeGreaterThan(0);
  });
});

describe('names', () => {
  it('maps Bedrock names to Promptdeck names and back', () => {
    expect(promptdeckNameFor('Support_Reply')).toBe('support_reply');
    expect(promptdeckNameFor('a'.repeat(101))).toBeUndefined();
    expect(bedrockNameFor('comment-moderation')).toBe('comment-moderation');
    expect(bedrockNameFor('team.support--reply_v2')).toBe('team-support-reply_v2');
    expect(bedrockNameFor('a._b')).toBe('a-b');
    for (const n of ['x.y', 'a--b', 'a_-b', '9lives', 'q.a.']) expect(bedrockNameFor(n)).toMatch(/^([0-9a-zA-Z][_-]?){1,100}$/);
  });
});

describe('toBedrockVariant', () => {
  it('writes a CHAT variant with inputVariables, inference settings and top_k for the model family', () => {
    const out = toBedrockVariant({
      template: { system: 'You help {{team}}.', messages: [{ role: 'user', content: 'Hi {{ name }}, {{{question}}} {{! note }}' }] },
      modelId: HAIKU,
      params: { temperature: 0.2, maxTokens: 300, topK: 40, stopSequences: ['END'] },
      guardrail: { identifier: 'abc123', version: '1' },
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.variant).toEqual({
      name: 'default',
      templateType: 'CHAT',
      modelId: HAIKU,
      templateConfiguration: {
        chat: {
          system: [{ text: 'You help {{team}}.' }],
          messages: [{ role: 'user', content: [{ text: 'Hi {{name}}, {{question}} ' }] }],
          inputVariables: [{ name: 'team' }, { name: 'name' }, { name: 'question' }],
        },
      },
      inferenceConfiguration: { text: { temperature: 0.2, maxTokens: 300, stopSequences: ['END'] } },
      additionalModelRequestFields: { top_k: 40 },
    });
    expect(codes(out.notes).sort()).toEqual(['comments_dropped', 'guardrail_not_published', 'variables_normalised']);
    const nova = toBedrockVariant({ template: { messages: [{ role: 'user', content: 'x' }] }, modelId: 'us.amazon.nova-lite-v1:0', params: { topK: 5 } });
    expect(nova.ok && nova.variant.additionalModelRequestFields).toEqual({ inferenceConfig: { topK: 5 } });
    expect(nova.ok && nova.variant.inferenceConfiguration).toBeUndefined();
  });

  it.each([
    ['sections', '{{#vip}}Thanks!{{/vip}}', 'uses_sections'],
    ['inverted sections', '{{^vip}}Hi{{/vip}}', 'uses_sections'],
    ['dotted names', '{{user.name}}', 'invalid_variable_name'],
    ['literal braces after a delimiter change', '{{=<% %>=}}Use {{x}} here', 'literal_braces'],
  ])('refuses %s', (_what, content, reason) => {
    const out = toBedrockVariant({ template: { messages: [{ role: 'user', content }] }, modelId: HAIKU, params: {} });
    expect(!out.ok && out.reason).toBe(reason);
  });

  it('refuses more than 20 variables', () => {
    const content = Array.from({ length: 21 }, (_, i) => `{{v${i}}}`).join(' ');
    const out = toBedrockVariant({ template: { messages: [{ role: 'user', content }] }, modelId: HAIKU, params: {} });
    expect(!out.ok && out.reason).toBe('too_many_variables');
  });

  it('round-trips through fromBedrockPrompt', () => {
    const version = { template: { system: 'S {{a}}', messages: [{ role: 'user' as const, content: 'U {{b}}' }] }, modelId: HAIKU, params: { temperature: 0.5, topK: 10 } };
    const out = toBedrockVariant(version);
    const back = out.ok ? fromBedrockPrompt({ name: 'x', version: '1', variants: [out.variant] }) : undefined;
    expect(back?.ok && { template: back.version.template, modelId: back.version.modelId, params: back.version.params }).toEqual(version);
  });
});
