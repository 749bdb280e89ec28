/**
 * bench/experiments: an experiment of N examples against the stand-in at a quota of Q requests
 * per minute, with production invokes running alongside through the gateway, wired as the app
 * wires them: the process-wide experiment limiter (listening to the gateway's traffic, its
 * capacity read from Service Quotas), the experiment job's shards and lanes, the app's database
 * pools. The stand-in runs in its own process (Bedrock is not in the app's event loop either).
 *
 * Prints: wall time against the ideal (N / Q minutes: the whole quota, evenly used), the ratio
 * (target >= 0.8), failed examples (target 0), throttles met by experiments and by production,
 * the share of the quota window experiments took, and production's p50 alone and during the
 * run (target: within 2x), with where production's time went.
 *
 * Usage: npx tsx bench/experiments.ts [--examples 1000] [--quota 3000] [--production-rps 2]
 *          [--concurrency 16] [--latency-ms 60]
 * (`--rpm` is an alias of `--quota`.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startEmbeddedPostgres } from '../lib/db/embedded';
import { migrate } from '../lib/db/migrate';
import type { Actor } from '../lib/auth/roles';

const arg = (name: string, d: number, alias?: string) => {
  for (const n of [name, alias]) {
    const i = n ? process.argv.indexOf(`--${n}`) : -1;
    if (i > 0) return Number(process.argv[i + 1]);
  }
  return d;
};
const N = arg('examples', 1000);
const Q = arg('quota', 3000, 'rpm');
const PROD_RPS = arg('production-rps', 2);
const CONCURRENCY = arg('concurrency', 16);
const LATENCY_MS = arg('latency-ms', 60);
const ALONE_MS = 15_000;
const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const actor: Actor = { kind: 'system', id: 'bench', display: 'bench', role: 'admin' };

/** The stand-in in a child process; resolves its URL. */
function startSim(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/aws-sim/main.ts', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PROMPTDECK_SIM_RPM: String(Q), PROMPTDECK_SIM_TPM: '1000000000', PROMPTDECK_SIM_LATENCY_MS: String(LATENCY_MS), PROMPTDECK_SIM_MS_PER_TOKEN: '0', PROMPTDECK_SIM_STREAM_DELAY_MS: '0' },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /stand-in on (http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) resolve({ url: m[1], child });
    });
    child.once('exit', (code) => reject(new Error(`the stand-in exited (${code})`)));
  });
}

interface SimCall {
  at: number;
  outcome: string;
  modelId: string;
}

async function main() {
  const pg = await startEmbeddedPostgres();
  await migrate(pg.url);
  const sim = await startSim();
  // The app's configuration: its database, and the AWS SDK pointed at the stand-in.
  Object.assign(process.env, {
    DATABASE_URL: pg.url,
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: sim.url,
    AWS_ENDPOINT_URL_BEDROCK: sim.url,
    AWS_ENDPOINT_URL_SERVICE_QUOTAS: sim.url,
    AWS_ENDPOINT_URL_CLOUDWATCH: sim.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  });
  const { db, closeDb } = await import('../lib/db/client');
  const { createPrompt } = await import('../lib/catalog/prompts');
  const { createVersion } = await import('../lib/catalog/versions');
  const { createRun } = await import('../lib/experiments/create');
  const { experimentLimiter } = await import('../lib/experiments/rate');
  const { runExperimentSlice } = await import('../lib/experiments/runner/worker');
  const { lanesFor, shardsFor, experimentRunnerDb } = await import('../lib/experiments/runner/job');
  const { percentileCont } = await import('../lib/experiments/stats');
  const { prepareInvocation, runInvocation } = await import('../lib/invocations/gateway');

  const ctx = { db: db(), actor };
  const loop = monitorEventLoopDelay({ resolution: 10 });
  try {
    await createPrompt(ctx, { name: 'bench-mod' });
    await createVersion(ctx, 'bench-mod', {
      template: { system: 'You review comments. Flag insults, spam and personal data. Answer with JSON only: {"violation": true|false, "explanation": "..."}', messages: [{ role: 'user', content: '<comment>{{comment}}</comment>' }] },
      modelId: MODEL,
      params: { temperature: 0, maxTokens: 200 },
      labels: ['production'],
    });
    const d = await ctx.db.dataset.create({ data: { name: 'bench', createdBy: 'bench' } });
    await ctx.db.datasetExample.createMany({
      data: Array.from({ length: N }, (_, i) => ({ datasetId: d.id, variables: { comment: i % 2 ? `You are an idiot (#${i})` : `Works fine, thanks (#${i})` }, expectedOutput: JSON.stringify({ violation: i % 2 === 1 }), createdBy: 'bench' })),
    });

    // Production: invokes as the gateway serves them (the app's Bedrock client, the SDK's retries).
    const prod: { at: number; ms: number; prepMs: number; modelMs: number; ok: boolean; throttled: boolean }[] = [];
    let producing = PROD_RPS > 0;
    const production = (async () => {
      const inflight: Promise<void>[] = [];
      while (producing) {
        inflight.push(
          (async () => {
            const t0 = performance.now();
            const at = Date.now();
            let prepMs = 0;
            let modelMs = 0;
            let ok = true;
            let throttled = false;
            try {
              const p = await prepareInvocation(ctx, 'bench-mod', { variables: { comment: 'Is this in stock?' } }, { source: 'api' });
              prepMs = performance.now() - t0;
              modelMs = (await runInvocation(p)).latencyMs;
            } catch (err) {
              ok = false;
              throttled = (err as { code?: string }).code === 'throttled';
            }
            prod.push({ at, ms: performance.now() - t0, prepMs, modelMs, ok, throttled });
          })(),
        );
        await new Promise((r) => setTimeout(r, 1000 / PROD_RPS));
      }
      await Promise.all(inflight);
    })();
    await new Promise((r) => setTimeout(r, ALONE_MS));
    const aloneUntil = Date.now();

    const id = await createRun(ctx, { prompt: 'bench-mod', selector: {}, dataset: d.id, evaluators: [{ type: 'json_field', path: 'violation' }], repetitions: 1, concurrency: CONCURRENCY });
    const limiter = experimentLimiter();
    loop.enable();
    const t0 = Date.now();
    // As the job runs it: one slice per shard, each with its lanes, on the runner's database pool.
    const outcomes = await Promise.all(
      Array.from({ length: shardsFor(CONCURRENCY) }, (_, shard) => runExperimentSlice(id, { db: experimentRunnerDb(), concurrency: lanesFor(CONCURRENCY, shard), sliceMs: 3_600_000, log: () => {} })),
    );
    const wallMs = Date.now() - t0;
    loop.disable();
    const runUntil = Date.now();
    producing = false;
    await production;

    const e = await ctx.db.experiment.findUniqueOrThrow({ where: { id } });
    const summary = e.summary as { passRate: number; throttled: number } | null;
    const calls = (await (await fetch(`${sim.url}/__sim/calls`)).json()) as SimCall[];
    const during = calls.filter((c) => c.at >= t0 && c.at <= runUntil);
    const simThrottles = during.filter((c) => c.outcome === 'throttled').length;
    const expOk = await ctx.db.invocation.count({ where: { source: 'experiment', status: 'ok', createdAt: { gte: new Date(t0) } } });
    const okDuring = during.filter((c) => c.outcome === 'success').length;

    const p50 = (xs: number[]) => Math.round(percentileCont(xs, 0.5) ?? 0);
    const alone = prod.filter((l) => l.at <= aloneUntil);
    const runProd = prod.filter((l) => l.at > t0 && l.at <= runUntil);
    const idealMin = N / Q;
    const wallMin = wallMs / 60_000;
    const snap = limiter.snapshot()[MODEL];
    const prodP50Alone = p50(alone.map((l) => l.ms));
    const prodP50During = p50(runProd.map((l) => l.ms));
    console.log(`experiment: ${N} examples, quota ${Q} requests/min, production ${PROD_RPS} req/s, concurrency ${CONCURRENCY}, model latency ${LATENCY_MS} ms: ${outcomes.join('/')}`);
    console.log(`  wall time ${(wallMs / 1000).toFixed(1)} s; ideal ${(idealMin * 60).toFixed(1)} s (N / Q); ideal/wall ratio ${(idealMin / wallMin).toFixed(2)} (target >= 0.8); ${((N / wallMs) * 60_000).toFixed(0)} calls/min`);
    console.log(`  failed examples ${e.errors} (target 0); status ${e.status}; throttles: experiment calls retried ${summary?.throttled ?? '?'}, all throttled calls at the stand-in ${simThrottles}, production calls failed as throttled ${runProd.filter((l) => l.throttled).length}`);
    console.log(`  experiment share of successful calls during the run ${((expOk / Math.max(1, okDuring)) * 100).toFixed(1)}%; limiter: capacity ${snap?.capacityPerMin ?? '?'} /min (${snap?.capacitySource ?? '?'}), rate ${snap?.ratePerSec?.toFixed(1)}/s, max in flight ${snap?.maxInFlight ?? '?'}`);
    console.log(`  production p50: alone ${prodP50Alone} ms (${alone.length} calls), during ${prodP50During} ms (${runProd.length} calls, ${runProd.filter((l) => !l.ok).length} failed); ratio ${(prodP50During / Math.max(1, prodP50Alone)).toFixed(2)} (target <= 2)`);
    console.log(`    where it went (p50 alone -> during): prepare ${p50(alone.map((l) => l.prepMs))} -> ${p50(runProd.map((l) => l.prepMs))} ms, model call ${p50(alone.map((l) => l.modelMs))} -> ${p50(runProd.map((l) => l.modelMs))} ms, log ${p50(alone.map((l) => l.ms - l.prepMs - l.modelMs))} -> ${p50(runProd.map((l) => l.ms - l.prepMs - l.modelMs))} ms`);
    console.log(`  event loop delay during the run: p50 ${(loop.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms`);
  } finally {
    sim.child.kill('SIGTERM');
    await closeDb();
    await pg.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
