/**
 * bench/ingest: POST /api/v1/invocations in batches of 1000 on the production server, against a
 * baseline of the same rows inserted with plain multi-row INSERTs through node-postgres into the
 * same database, in the same run. Budget (README, Benchmarks): 5,000 records/second.
 * Uses the embedded database by default; BENCH_DATABASE_URL points both at a server instead.
 * Usage: npm run build && npx tsx bench/ingest.ts [--records 50000]
 */
import pg from 'pg';
import { startEmbeddedPostgres } from '../lib/db/embedded';
import { migrate } from '../lib/db/migrate';
import { BENCH_KEY, fmt, startPromptdeck } from './lib';

const total = Number(process.argv[process.argv.indexOf('--records') + 1]) || 50_000;
const BATCH = 1000;
const IN_FLIGHT = 2;

function record(i: number) {
  return {
    promptName: 'bench-ingest',
    promptVersion: (i % 3) + 1,
    modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
    input: { system: 'You review comments.', messages: [{ role: 'user', content: `Comment number ${i}: the delivery was late but the product is fine.` }] },
    output: { text: '{"violation": false, "explanation": "Product criticism is allowed."}' },
    usage: { inputTokens: 120 + (i % 50), outputTokens: 20 + (i % 10) },
    latencyMs: 300 + (i % 200),
    status: i % 50 === 0 ? 'throttled' : 'ok',
    metadata: { userRef: `user-${i % 100}` },
  };
}

async function run(batches: number, send: (b: number) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < batches) await send(next++);
    }),
  );
  return performance.now() - t0;
}

async function main() {
  const app = await startPromptdeck(3230, process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {});
  try {
    const batches = Math.ceil(total / BATCH);
    const bodies = Array.from({ length: batches }, (_, b) => JSON.stringify({ items: Array.from({ length: BATCH }, (_, i) => record(b * BATCH + i)) }));
    const headers = { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' };
    // Warm-up batch.
    await fetch(`${app.url}/api/v1/invocations`, { method: 'POST', headers, body: bodies[0] });
    const appMs = await run(batches, async (b) => {
      const r = await fetch(`${app.url}/api/v1/invocations`, { method: 'POST', headers, body: bodies[b] });
      if (r.status !== 202) throw new Error(`ingest answered ${r.status}: ${await r.text()}`);
      await r.arrayBuffer();
    });

    // Baseline: the same rows straight into the same kind of database with multi-row INSERTs
    // (the server in BENCH_DATABASE_URL, or a fresh embedded PostgreSQL server of the same kind).
    const url = process.env.BENCH_DATABASE_URL;
    const embedded = url ? null : await startEmbeddedPostgres({ profile: 'app' }); // the app's settings, in a temporary folder
    if (embedded) await migrate(embedded.url);
    const pool = new pg.Pool({ connectionString: url ?? embedded!.url, max: IN_FLIGHT });
    const baseMs = await run(batches, async (b) => {
        const rows = (JSON.parse(bodies[b]!) as { items: ReturnType<typeof record>[] }).items;
        const values: unknown[] = [];
        const tuples = rows.map((r, i) => {
          values.push(crypto.randomUUID(), r.promptName, r.promptVersion, r.modelId, r.status, JSON.stringify(r.input), JSON.stringify(r.output), r.usage.inputTokens, r.usage.outputTokens, r.latencyMs, JSON.stringify(r.metadata));
          const o = i * 11;
          return `($${o + 1},$${o + 2},$${o + 3},$${o + 4},$${o + 5}::"InvocationStatus",'ingest','bench',$${o + 6}::jsonb,$${o + 7}::jsonb,$${o + 8},$${o + 9},$${o + 10},$${o + 11}::jsonb)`;
        });
        await pool.query(
          `INSERT INTO "Invocation" ("id","promptName","promptVersion","modelId","status","source","caller","input","output","inputTokens","outputTokens","latencyMs","metadata") VALUES ${tuples.join(',')}`,
          values,
        );
    });
    await pool.end();
    await embedded?.stop();
    const appRate = (batches * BATCH) / (appMs / 1000);
    console.log(`bench/ingest: ${batches * BATCH} records in batches of ${BATCH}, ${IN_FLIGHT} in flight, ${url ? 'PostgreSQL server' : 'embedded database'}`);
    console.log(`  POST /api/v1/invocations  ${fmt(appRate, 0).padStart(7)} records/s  (budget >= 5000: ${appRate >= 5000 ? 'met' : 'NOT met'})`);
    const baseRate = (batches * BATCH) / (baseMs / 1000);
    console.log(`  bare multi-row INSERT      ${fmt(baseRate, 0).padStart(7)} records/s  ratio ${fmt(appRate / baseRate, 2)}`);
  } finally {
    await app.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
