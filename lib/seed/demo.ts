import type { Actor } from '../auth/roles';
import type { Db } from '../db/client';
import { createPrompt } from '../catalog/prompts';
import { createVersion } from '../catalog/versions';
import { moveLabel, rollbackLabel } from '../catalog/labels';
import type { CreateVersionInput } from '../catalog/schemas';
import { seedExperimentsDemo } from './experiments';

/**
 * Demo data for a fresh embedded database: realistic prompts written through the same services
 * the API uses. Everything it creates is attributed to the instance itself (an untyped actor shown
 * as `demo-seed`), not to a user or API key.
 */
const SEED_ACTOR: Actor = { kind: 'system', id: 'demo-seed', display: 'demo-seed', role: 'admin' };

const HAIKU = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const SONNET = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';
const NOVA_LITE = 'amazon.nova-lite-v1:0';
const LLAMA = 'meta.llama3-1-8b-instruct-v1:0';

const moderationSystem = (strictness: string) => `You are a reviewer of customer comments posted on an e-commerce site.
Decide whether a comment violates the guideline below. ${strictness}
Answer with JSON only, exactly in this form:
{"violation": true|false, "explanation": "<one sentence>"}`;

const moderationUser = `<guideline>
{{guideline}}
</guideline>

<comment>
{{comment}}
</comment>`;

interface DemoPrompt {
  name: string;
  description: string;
  tags: string[];
  versions: CreateVersionInput[];
  moves: { label: string; version: number; reason: string }[];
  rollbacks?: { label: string; reason: string }[];
}

const DEMO: DemoPrompt[] = [
  {
    name: 'comment-moderation',
    description: 'Flags e-commerce product comments that break the posting guideline; answers in JSON.',
    tags: ['moderation', 'json', 'e-commerce'],
    versions: [
      {
        template: { system: moderationSystem('When unsure, do not flag.'), messages: [{ role: 'user', content: moderationUser }] },
        modelId: SONNET,
        params: { temperature: 0.2, maxTokens: 300 },
        commitMessage: 'First version on Claude 3.7 Sonnet',
      },
      {
        template: { system: moderationSystem('When unsure, do not flag.'), messages: [{ role: 'user', content: moderationUser }] },
        modelId: HAIKU,
        params: { temperature: 0, maxTokens: 200 },
        commitMessage: 'Move to Claude 3.5 Haiku: same accuracy on the ground-truth set, about 1/12 of the cost',
      },
      {
        template: {
          system: moderationSystem('Personal attacks, spam links and personal data always violate. Criticism of the product does not.'),
          messages: [{ role: 'user', content: moderationUser }],
        },
        modelId: HAIKU,
        params: { temperature: 0, topK: 50, maxTokens: 200, stopSequences: ['\n\n'] },
        commitMessage: 'Spell out what always violates; stop after the JSON',
      },
    ],
    moves: [
      { label: 'production', version: 1, reason: 'Initial launch' },
      { label: 'staging', version: 2, reason: 'Try Haiku for cost' },
      { label: 'production', version: 2, reason: 'Haiku matched Sonnet on 200 ground-truth comments' },
      { label: 'staging', version: 3, reason: 'Stricter guideline wording' },
      { label: 'production', version: 3, reason: 'Promote stricter wording' },
    ],
    rollbacks: [{ label: 'production', reason: 'Too many false positives on product criticism' }],
  },
  {
    name: 'support-reply',
    description: 'Drafts a friendly first reply to a customer support ticket, in the customer\'s language.',
    tags: ['support', 'drafting'],
    versions: [
      {
        template: {
          system: 'You are a support agent for {{company}}. Be concise, warm and concrete. Never promise refunds.',
          messages: [{ role: 'user', content: 'Customer {{customer_name}} wrote:\n\n{{ticket}}\n\nDraft a reply.' }],
        },
        modelId: HAIKU,
        params: { temperature: 0.5, maxTokens: 600 },
        commitMessage: 'Initial draft prompt',
      },
      {
        template: {
          system:
            'You are a support agent for {{company}}. Be concise, warm and concrete. Never promise refunds.\n{{#order_id}}The ticket concerns order {{order_id}}; mention it.{{/order_id}}',
          messages: [
            { role: 'user', content: 'Customer {{customer_name}} wrote:\n\n{{ticket}}\n\nDraft a reply in the language of the ticket.' },
          ],
        },
        modelId: NOVA_LITE,
        params: { temperature: 0.4, topP: 0.9, maxTokens: 600 },
        commitMessage: 'Reply in the customer\'s language; mention the order when known; try Nova Lite',
      },
    ],
    moves: [
      { label: 'production', version: 1, reason: 'Launch' },
      { label: 'staging', version: 2, reason: 'Evaluate Nova Lite' },
    ],
  },
  {
    name: 'review-summarizer',
    description: 'Summarizes the reviews of one product into pros, cons and a one-line verdict.',
    tags: ['summarization', 'e-commerce'],
    versions: [
      {
        template: {
          system: 'You summarize product reviews for shoppers. Be factual; do not invent features.',
          messages: [{ role: 'user', content: 'Product: {{product}}\n\nReviews:\n{{reviews}}\n\nGive 3 pros, 3 cons and a one-line verdict.' }],
        },
        modelId: LLAMA,
        params: { temperature: 0.3, maxTokens: 400 },
        commitMessage: 'Baseline on Llama 3.1 8B',
      },
      {
        template: {
          system: 'You summarize product reviews for shoppers. Be factual; do not invent features. Use at most {{max_words}} words.',
          messages: [{ role: 'user', content: 'Product: {{product}}\n\nReviews:\n{{reviews}}\n\nGive 3 pros, 3 cons and a one-line verdict.' }],
        },
        modelId: HAIKU,
        params: { temperature: 0.3, maxTokens: 400 },
        commitMessage: 'Length limit; Haiku follows it better',
      },
    ],
    moves: [
      { label: 'production', version: 1, reason: 'Launch' },
      { label: 'production', version: 2, reason: 'Shorter summaries tested well' },
    ],
  },
];

/** Seeds only an empty catalog; returns whether it did. */
export async function seedDemoData(db: Db): Promise<boolean> {
  if ((await db.prompt.count()) > 0) return false;
  const ctx = { db, actor: SEED_ACTOR };
  for (const p of DEMO) {
    await createPrompt(ctx, { name: p.name, description: p.description, tags: p.tags });
    for (const v of p.versions) await createVersion(ctx, p.name, v);
    for (const m of p.moves) await moveLabel(ctx, p.name, m.label, { version: m.version, reason: m.reason });
    for (const r of p.rollbacks ?? []) await rollbackLabel(ctx, p.name, r.label, { reason: r.reason });
  }
  await seedExperimentsDemo(db);
  return true;
}
