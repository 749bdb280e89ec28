import type { Prisma } from '../../db/client';
import { createPrompt } from '../../catalog/prompts';
import { createVersion } from '../../catalog/versions';
import type { TestDb } from '../../test/db';
import { ctxFor, uniqueName } from '../../test/db';

/** Test fixtures: a moderation prompt, a judge prompt and a ground-truth dataset. */
export const HAIKU = 'anthropic.claude-3-5-haiku-20241022-v1:0';
export const SONNET = 'anthropic.claude-3-5-sonnet-20241022-v2:0';

export const MODERATION_SYSTEM = 'You review comments. Flag insults, spam and personal data. Answer with JSON only: {"violation": true|false, "explanation": "..."}';

export async function moderationPrompt(t: TestDb, opts: { modelId?: string; system?: string } = {}): Promise<string> {
  const name = uniqueName('mod');
  const editor = ctxFor(t.db, 'deployer');
  await createPrompt(editor, { name });
  await createVersion(editor, name, {
    template: { system: opts.system ?? MODERATION_SYSTEM, messages: [{ role: 'user', content: '<comment>{{comment}}</comment>' }] },
    modelId: opts.modelId ?? HAIKU,
    params: { temperature: 0, maxTokens: 200 },
    labels: ['production'],
  });
  return name;
}

/** A judge prompt the stand-in answers with {"score", "reason"} (or, with `bad`, with prose). */
export async function judgePrompt(t: TestDb, bad = false): Promise<string> {
  const name = uniqueName('judge');
  const editor = ctxFor(t.db, 'deployer');
  await createPrompt(editor, { name });
  await createVersion(editor, name, {
    template: bad
      ? { system: 'You are a friendly reviewer. Say what you think in one sentence.', messages: [{ role: 'user', content: 'What do you think of this: {{output}}' }] }
      : { system: 'Grade the output against the expected answer. Answer JSON {"score": 0..1, "reason": "..."}.', messages: [{ role: 'user', content: '<output>{{output}}</output>\n<expected>{{expected}}</expected>' }] },
    modelId: HAIKU,
    params: { temperature: 0, maxTokens: 200 },
    labels: ['production'],
  });
  return name;
}

const CLEAN = ['Thanks, this fixed my problem.', 'The manual explains it on page 4.', 'I disagree, but I see your point.', 'Great release, works on my laptop.', 'Could you add dark mode?'];
const BAD = ['You are an idiot.', 'Buy now at https://cheap.example.com', 'Call me at 555-0100, jane@example.com', 'What a stupid moron.', 'click here for a promo code'];

/** n examples: alternating clean and violating comments with expected JSON verdicts. */
export async function dataset(t: TestDb, n: number): Promise<{ id: string; name: string }> {
  const name = uniqueName('ds');
  const d = await t.db.dataset.create({ data: { name, createdBy: 'test' } });
  const rows: Prisma.DatasetExampleCreateManyInput[] = Array.from({ length: n }, (_, i) => {
    const bad = i % 2 === 1;
    const pool = bad ? BAD : CLEAN;
    const comment = `${pool[Math.floor(i / 2) % pool.length]} (#${i})`;
    return { datasetId: d.id, variables: { comment }, expectedOutput: JSON.stringify({ violation: bad }), createdBy: 'test', createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) };
  });
  await t.db.datasetExample.createMany({ data: rows });
  return { id: d.id, name };
}
