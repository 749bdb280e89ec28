/**
 * bench/experiments: an experiment of N examples against the stand-in at a quota of Q requests
 * per minute, with production invokes running alongside through the gateway. Prints the wall
 * time against the ideal (N / (Q - production's use) minutes), failed examples (must be 0), the
 * throttles met, the share of the quota the experiment took, and production's p50 alone and
 * during the run (target: within 2x).
 * Usage: npx tsx bench/experiments.ts [--examples 200] [--rpm 600] [--production-rps 1] [--concurrency 8]
 */
import { startAwsSim } from '../lib/aws-sim';
import { bedrockClient } from '../lib/aws-sim/testing';
import { createPrompt } from '../lib/catalog/prompts';
import { createVersion } from '../lib/catalog/versions';
import { createDb } from '../lib/db/client';
import { startEmbeddedPostgres } from '../lib/db/embedded';
import { migrate } from '../lib/db/migrate';
import { createRun } from '../lib/experiments/create';
import { ExperimentRateLimiter } from '../lib/experiments/rate';
import { runExperimentSlice } from '../lib/experiments/runner/worker';
import { percentileCont } from '../lib/experiments/stats';
import { prepareInvocation, runInvocation } from '../lib/invocations/gateway';
import type { Actor } from '../lib/auth/roles';

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const N = arg('examples', 200);
const Q = arg('rpm', 600);
const PROD_RPS = arg('production-rps', 1);
const CONCURRENCY = arg('concurrency', 8);
const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const actor: Actor = { kind: 'system', id: 'bench', display: 'bench', role: 'admin' };

async function main() {
  const pg = await startEmbeddedPostgres();
  await migrate(pg.url);
  const db = createDb(pg.url, 12);
  const sim = await startAwsSim({ config: { rpm: Q, tpm: 100_000_000, latency: { baseMs: 60, perOutputTokenMs: 0, streamDelayMs: 0 } } });
  const ctx = { db, actor };
  try {
    await createPrompt(ctx, { name: 'bench-mod' });
    await createVersion(ctx, 'bench-mod', {
      template: { system: 'You review comments. Flag insults, spam and personal data. Answer with JSON only: {"violation": true|false, "explanation": "..."}', messages: [{ role: 'user', content: '<comment>{{comment}}</comment>' }] },
      modelId: MODEL,
      params: { temperature: 0, maxTokens: 200 },
      labels: ['production'],
    });
    const d = await db.dataset.create({ data: { name: 'bench', createdBy: 'bench' } });
    await db.datasetExample.createMany({
      data: Array.from({ length: N }, (_, i) => ({ datasetId: d.id, variables: { comment: i % 2 ? `You are an idiot (#${i})` : `Works fine, thanks (#${i})` }, expectedOutput: JSON.stringify({ violation: i % 2 === 1 }), createdBy: 'bench' })),
    });

    // Production: invokes through the gateway with the SDK's usual retries, at PROD_RPS.
    const prodClient = bedrockClient(sim, { maxAttempts: 3 });
    const prodLatencies: { at: number; ms: number; ok: boolean }[] = [];
    let producing = PROD_RPS > 0;
    const production = (async () => {
      const inflight: Promise<void>[] = [];
      while (producing) {
        inflight.push(
          (async () => {
            const t0 = performance.now();
            let ok = true;
            try {
              await runInvocation(await prepareInvocation(ctx, 'bench-mod', { variables: { comment: 'Is this in stock?' } }, { source: 'api', client: prodClient }));
            } catch {
              ok = false;
            }
            prodLatencies.push({ at: Date.now(), ms: performance.now() - t0, ok });
          })(),
        );
        await new Promise((r) => setTimeout(r, 1000 / PROD_RPS));
      }
      await Promise.all(inflight);
    })();
    await new Promise((r) => setTimeout(r, 10_000));
    const aloneUntil = Date.now();

    const id = await createRun(ctx, { prompt: 'bench-mod', selector: {}, dataset: d.id, evaluators: [{ type: 'json_field', path: 'violation' }], repetitions: 1, concurrency: CONCURRENCY });
    const t0 = Date.now();
    const outcome = await runExperimentSlice(id, { db, client: bedrockClient(sim, { maxAttempts: 1 }), limiter: new ExperimentRateLimiter(), concurrency: CONCURRENCY, sliceMs: 3_600_000, log: () => {} });
    const wallMs = Date.now() - t0;
    const runUntil = Date.now();
    producing = false;
    await production;

    const e = await db.experiment.findUniqueOrThrow({ where: { id } });
    const summary = e.summary as { passRate: number; throttled: number; failedCalls: number };
    const p50 = (xs: number[]) => Math.round(percentileCont(xs, 0.5) ?? 0);
    const alone = prodLatencies.filter((l) => l.at <= aloneUntil);
    const during = prodLatencies.filter((l) => l.at > t0 && l.at <= runUntil);
    const prodPerMin = PROD_RPS * 60;
    const idealMin = N / Math.max(1, Q - prodPerMin);
    const calls = sim.calls().filter((c) => c.at >= t0 && c.at <= runUntil && c.outcome === 'success');
    const expCalls = await db.invocation.count({ where: { source: 'experiment', status: 'ok', createdAt: { gte: new Date(t0) } } });
    console.log(`experiment: ${N} examples, quota ${Q} rpm, production ${PROD_RPS} req/s, concurrency ${CONCURRENCY}: ${outcome}`);
    console.log(`  wall time ${(wallMs / 60_000).toFixed(2)} min; ideal ${idealMin.toFixed(2)} min (N / (Q - production)); ideal/wall ratio ${(idealMin / (wallMs / 60_000)).toFixed(2)} (target >= 0.8)`);
    console.log(`  throughput ${((N / wallMs) * 60_000).toFixed(0)} calls/min; failed examples ${e.errors} (target 0); throttles met and retried ${summary.throttled}; pass rate ${summary.passRate}`);
    console.log(`  share of the model's successful calls during the run taken by the experiment: ${((expCalls / Math.max(1, calls.length)) * 100).toFixed(1)}%`);
    console.log(`  production: p50 alone ${p50(alone.map((l) => l.ms))} ms (${alone.length} calls), during the run ${p50(during.map((l) => l.ms))} ms (${during.length} calls, ${during.filter((l) => !l.ok).length} failed); ratio ${(p50(during.map((l) => l.ms)) / Math.max(1, p50(alone.map((l) => l.ms)))).toFixed(2)} (target <= 2)`);
  } finally {
    await sim.stop();
    await db.$disconnect();
    await pg.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
