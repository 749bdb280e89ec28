/**
 * bench/instances: two production instances on one PostgreSQL database, against one instance,
 * measured in the same run.
 * - Label-move propagation: a label is moved (and rolled back) on A, `--moves` times (100); how
 *   long until B serves the new version (median, max), against how long until A itself does
 *   (the single-instance figure: read-your-writes through local invalidation).
 * - Ingestion: POST /api/v1/invocations in batches of 100, 4 batches in flight, into A alone,
 *   then into A and B at once (2 in flight each); records/second and the ratio.
 * Needs a PostgreSQL server: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres);
 * a fresh database is created and dropped. Usage: npm run build && npx tsx bench/instances.ts [--moves 100] [--records 20000]
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { BENCH_KEY, fmt, startPromptdeck, type Server } from './lib';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || fallback;
const MOVES = arg('moves', 100);
const RECORDS = arg('records', 20_000);
const BATCH = 100;
const IN_FLIGHT = 4;
const server = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const headers = { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' };

async function served(base: string, name: string): Promise<number> {
  const r = await fetch(`${base}/api/v1/prompts/${name}`, { headers });
  return ((await r.json()) as { version: number }).version;
}

async function setUpPrompt(a: Server, name: string): Promise<void> {
  await fetch(`${a.url}/api/v1/prompts`, { method: 'POST', headers, body: JSON.stringify({ name }) });
  for (const content of ['one {{x}}', 'two {{x}}']) {
    await fetch(`${a.url}/api/v1/prompts/${name}/versions`, { method: 'POST', headers, body: JSON.stringify({ template: { messages: [{ role: 'user', content }] }, modelId: 'amazon.nova-lite-v1:0' }) });
  }
  await fetch(`${a.url}/api/v1/prompts/${name}/labels/production`, { method: 'PUT', headers, body: JSON.stringify({ version: 1 }) });
}

/** Moves `production` on `a` `MOVES` times; per move, the ms until `observer` serves it. */
async function propagation(a: Server, observer: Server, name: string): Promise<number[]> {
  const delays: number[] = [];
  for (let i = 0; i < MOVES; i++) {
    const before = await served(observer.url, name); // cached on the observer
    const move = i % 2 === 0 ? { version: 2 } : null;
    const t0 = performance.now();
    const r = move
      ? await fetch(`${a.url}/api/v1/prompts/${name}/labels/production`, { method: 'PUT', headers, body: JSON.stringify(move) })
      : await fetch(`${a.url}/api/v1/prompts/${name}/labels/production/rollback`, { method: 'POST', headers, body: '{}' });
    if (!r.ok) throw new Error(`move failed: ${r.status} ${await r.text()}`);
    const target = ((await r.json()) as { version: number }).version;
    if (target === before) throw new Error('the move did not change the version');
    while ((await served(observer.url, name)) !== target) {
      if (performance.now() - t0 > 5_000) throw new Error('still the old version after 5 s');
    }
    delays.push(performance.now() - t0);
  }
  return delays.sort((x, y) => x - y);
}

function record(i: number) {
  return {
    promptName: 'bench-instances',
    promptVersion: (i % 3) + 1,
    modelId: 'amazon.nova-lite-v1:0',
    input: { messages: [{ role: 'user', content: `Comment number ${i}: the delivery was late but the product is fine.` }] },
    output: { text: '{"violation": false}' },
    usage: { inputTokens: 120 + (i % 50), outputTokens: 20 + (i % 10) },
    latencyMs: 300 + (i % 200),
    status: 'ok',
  };
}

/** Records/second sending every batch to one of `targets` (round robin), IN_FLIGHT batches at a time. */
async function ingest(targets: Server[], offset: number): Promise<number> {
  const batches = Math.ceil(RECORDS / BATCH);
  const bodies = Array.from({ length: batches }, (_, b) => JSON.stringify({ items: Array.from({ length: BATCH }, (_, i) => record(offset + b * BATCH + i)) }));
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async (_, lane) => {
      const target = targets[lane % targets.length]!;
      for (let b = next++; b < batches; b = next++) {
        const r = await fetch(`${target.url}/api/v1/invocations`, { method: 'POST', headers, body: bodies[b] });
        if (r.status !== 202) throw new Error(`ingest answered ${r.status}: ${await r.text()}`);
        await r.arrayBuffer();
      }
    }),
  );
  return (batches * BATCH) / ((performance.now() - t0) / 1000);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function main() {
  const dbName = `promptdeck_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const u = new URL(server);
  u.pathname = `/${dbName}`;
  const env = { DATABASE_URL: u.toString() };
  const a = await startPromptdeck(3240, env);
  const b = await startPromptdeck(3241, env);
  try {
    await setUpPrompt(a, 'instances-single');
    await setUpPrompt(a, 'instances-cross');
    const single = await propagation(a, a, 'instances-single');
    const cross = await propagation(a, b, 'instances-cross');

    // Warm both, then one instance, then two at once (the same number of records each time).
    await ingest([a, b], 10_000_000);
    const one = await ingest([a], 0);
    const two = await ingest([a, b], RECORDS);

    console.log(`bench/instances: two production instances on one PostgreSQL database (${MOVES} label moves, ${RECORDS} records per ingestion run)`);
    console.log(`  label move, served by the same instance:  median ${fmt(pct(single, 0.5), 1)} ms, max ${fmt(single[single.length - 1] ?? 0, 1)} ms`);
    console.log(`  label move, served by the other instance: median ${fmt(pct(cross, 0.5), 1)} ms, p95 ${fmt(pct(cross, 0.95), 1)} ms, max ${fmt(cross[cross.length - 1] ?? 0, 1)} ms (budget < 1000 ms: ${(cross[cross.length - 1] ?? 0) < 1000 ? 'met' : 'NOT met'})`);
    console.log(`  ratio other/same instance: median ${fmt(pct(cross, 0.5) / Math.max(pct(single, 0.5), 0.001), 1)}x`);
    console.log(`  ingestion (batches of ${BATCH}, ${IN_FLIGHT} in flight): one instance ${fmt(one, 0)} records/s, two instances ${fmt(two, 0)} records/s, ratio ${fmt(two / one, 2)}`);
  } finally {
    await a.stop();
    await b.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
