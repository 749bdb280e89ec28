import type { Actor } from '../auth/roles';
import type { Db, Prisma } from '../db/client';
import { createRun } from '../experiments/create';
import { createSweep } from '../experiments/sweeps';
import { putSuite } from '../experiments/suites';
import type { Evaluator } from '../experiments/evaluators';

/**
 * Experiments demo data: a 30-example ground-truth set for `comment-moderation` (plain and hard
 * cases: sarcasm, obfuscated insults, disguised links, spelled-out contact data), its default
 * suite, two runs (v1 on Sonnet, v2 on Haiku: the small model misses some hard cases) and a
 * sweep. The runs are created queued; the server's job queue runs them at start-up through the
 * real runner and the stand-in (resumeExperiments), so a new user sees finished results.
 */
const SEED_ACTOR: Actor = { kind: 'system', id: 'demo-seed', display: 'demo-seed', role: 'admin' };
const PROMPT = 'comment-moderation';
export const DEMO_DATASET = 'moderation-golden';
const GUIDELINE = 'No insults or personal attacks. No spam, advertising or promotional links. No personal data such as phone numbers or e-mail addresses. Criticism of the product is fine.';

const EXAMPLES: [string, boolean][] = [
  ['The zipper broke after two weeks, disappointing.', false],
  ['Great fit, I ordered a second one in blue.', false],
  ['Shipping took ten days, but the quality is good.', false],
  ['Does this come in a larger size?', false],
  ['Honestly the worst blender I have owned. Returned it.', false],
  ['Battery life is shorter than advertised.', false],
  ['My kids love it, sturdy and easy to clean.', false],
  ['Instructions were confusing, took an hour to assemble.', false],
  ['Good value for the price.', false],
  ['Color is darker than in the photos.', false],
  ['It works, nothing special.', false],
  ['Customer service replaced it quickly, thank you!', false],
  ['You are an idiot if you buy this.', true],
  ['The seller is a stupid moron who never answers.', true],
  ['Buy now at https://cheap-watches.example.com, 80% off!', true],
  ['Click here for a promo code: www.deals.example', true],
  ['Call me at 555-0142 for a better price.', true],
  ['Email me at jane.doe@example.com and I will sell you mine.', true],
  ['Message me on whatsapp for wholesale prices.', true],
  ['What a loser product and a loser seller.', true],
  ['Nice work, Einstein, you shipped the wrong color again.', true],
  ['Whoever packed this is a real rocket scientist, the box was empty.', true],
  ['The seller is a 1d10t.', true],
  ['Only a m0ron would design this handle.', true],
  ['Get it cheaper at cheapdeals dot com', true],
  ['Better offer here: hxxp://bargains.example', true],
  ['Reach me at jane dot doe at example dot com', true],
  ['My number is five five five zero one four two nine nine', true],
  ['Sure, Sherlock, your tracking number really helped.', true],
  ['Total s t u p i d design, whoever made this.', true],
];

const EVALUATORS: Evaluator[] = [
  { type: 'json_field', name: 'verdict', path: 'violation' },
  { type: 'json_valid', name: 'valid_json', strict: false },
];

/** Seeds only when the demo prompt exists and the dataset does not; returns whether it did. */
export async function seedExperimentsDemo(db: Db): Promise<boolean> {
  if (!(await db.prompt.findUnique({ where: { name: PROMPT }, select: { id: true } }))) return false;
  if (await db.dataset.findUnique({ where: { name: DEMO_DATASET }, select: { id: true } })) return false;
  const ctx = { db, actor: SEED_ACTOR };
  const d = await db.dataset.create({
    data: { name: DEMO_DATASET, description: 'Ground truth for comment-moderation: 12 fine comments, 8 plain violations and 10 hard cases.', createdBy: SEED_ACTOR.display, revision: 1 },
  });
  const rows: Prisma.DatasetExampleCreateManyInput[] = EXAMPLES.map(([comment, violation], i) => ({
    datasetId: d.id,
    variables: { guideline: GUIDELINE, comment },
    expectedOutput: JSON.stringify({ violation }),
    tags: [violation ? (i >= 20 ? 'hard' : 'violation') : 'fine'],
    createdBy: SEED_ACTOR.display,
  }));
  await db.datasetExample.createMany({ data: rows });
  await putSuite(ctx, PROMPT, 'golden', { dataset: DEMO_DATASET, evaluators: EVALUATORS, description: 'The moderation ground truth: verdict must match.', minPassRate: 0.9, isDefault: true });
  const suite = await db.testSuite.findFirstOrThrow({ where: { name: 'golden', prompt: { name: PROMPT } }, select: { id: true, name: true } });
  for (const version of [1, 2]) {
    await createRun(ctx, { prompt: PROMPT, selector: { version }, dataset: d.id, evaluators: EVALUATORS, repetitions: 1, concurrency: 4, name: `${PROMPT} v${version} · golden suite`, suite });
  }
  await createSweep(ctx, { prompt: PROMPT, version: 2, dataset: DEMO_DATASET, evaluators: EVALUATORS, grid: { modelId: ['anthropic.claude-3-5-haiku-20241022-v1:0', 'us.anthropic.claude-3-7-sonnet-20250219-v1:0'], temperature: [0, 1] }, name: 'Haiku vs Sonnet, temperature 0 and 1' });
  return true;
}
