/**
 * bench/logs: the invocation log over 1,000,000 rows. Generates the rows (inside the database,
 * spread over the last 7 days), then times the Logs page query (the listInvocations service,
 * through Prisma) for the first page and filtered pages, against a bare SQL query for the
 * first page in the same run. Budget (README, Benchmarks): first page under 50 ms.
 * Default: a fresh embedded PostgreSQL server; `--server` uses a fresh database on the PostgreSQL
 * server in BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
 * Usage: npx tsx bench/logs.ts [--rows 1000000] [--server]
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb } from '../lib/db/client';
import { startEmbeddedPostgres } from '../lib/db/embedded';
import { migrate } from '../lib/db/migrate';
import { listInvocations } from '../lib/invocations/queries';
import { fmt } from './lib';

const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const ROWS = Number(arg('--rows')) || 1_000_000;
const useServer = process.argv.includes('--server');
const RUNS = 20;

export async function benchDatabase(): Promise<{ url: string; stop(): Promise<void>; kind: string }> {
  if (!useServer) {
    const e = await startEmbeddedPostgres({ profile: 'app' }); // the app's settings, in a temporary folder
    await migrate(e.url);
    return { url: e.url, stop: e.stop, kind: 'embedded PostgreSQL' };
  }
  const server = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `promptdeck_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  await migrate(u.toString());
  return {
    url: u.toString(),
    kind: 'PostgreSQL server',
    async stop() {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** 1M plausible rows: 20 prompts x 5 versions, 6 models, ~3% throttled, ~1% errors, 7 days. */
export async function generateInvocations(client: pg.Client, rows: number): Promise<void> {
  const chunk = 100_000;
  for (let start = 0; start < rows; start += chunk) {
    await client.query(
      `INSERT INTO "Invocation" ("id","createdAt","promptName","promptVersion","label","modelId","status","source","caller","input","output",
         "stopReason","inputTokens","outputTokens","latencyMs","costUsd","attempts")
       SELECT gen_random_uuid()::text,
              now() - (random() * interval '7 days'),
              'prompt-' || (i % 20), 1 + (i % 5), CASE WHEN i % 3 = 0 THEN 'staging' ELSE 'production' END,
              (ARRAY['anthropic.claude-3-5-haiku-20241022-v1:0','us.anthropic.claude-3-7-sonnet-20250219-v1:0','amazon.nova-lite-v1:0',
                     'amazon.nova-pro-v1:0','meta.llama3-1-8b-instruct-v1:0','mistral.mistral-large-2407-v1:0'])[1 + (i % 6)],
              (CASE WHEN i % 33 = 0 THEN 'throttled' WHEN i % 97 = 0 THEN 'error' ELSE 'ok' END)::"InvocationStatus",
              'api', 'key:bench',
              jsonb_build_object('system', 'You review comments.', 'messages', jsonb_build_array(jsonb_build_object('role','user','content','Comment ' || i))),
              jsonb_build_object('text', '{"violation": false}'),
              'end_turn', 100 + (i % 400), 10 + (i % 90), 200 + (i % 1800), 0.0001 * (1 + i % 10), 1
         FROM generate_series($1::int, $2::int) AS i`,
      [start, Math.min(start + chunk, rows) - 1],
    );
  }
  await client.query('ANALYZE "Invocation"');
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(RUNS / 2)] ?? 0;
}

async function main() {
  const database = await benchDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const db = createDb(database.url, 2);
  try {
    const t0 = performance.now();
    await generateInvocations(client, ROWS);
    console.log(`bench/logs: ${ROWS} invocation rows in ${database.kind} (generated in ${fmt((performance.now() - t0) / 1000)} s); median of ${RUNS} runs`);
    const ctx = { db, actor: { kind: 'apiKey' as const, id: 'bench', display: 'bench', role: 'viewer' as const } };
    await listInvocations(ctx, {}); // warm the connection and the query plan cache

    const bare = await time(() => client.query('SELECT * FROM "Invocation" ORDER BY "createdAt" DESC, "id" DESC LIMIT 51'));
    const first = await time(() => listInvocations(ctx, {}));
    const page = await listInvocations(ctx, {});
    let cursor = page.nextCursor ?? undefined;
    for (let i = 0; i < 100 && cursor; i++) cursor = (await listInvocations(ctx, { cursor })).nextCursor ?? undefined;
    const deep = await time(() => listInvocations(ctx, { cursor }));
    const cases: [string, () => Promise<unknown>][] = [
      ['prompt + version', () => listInvocations(ctx, { prompt: 'prompt-7', version: '3' })],
      ['model', () => listInvocations(ctx, { modelId: 'amazon.nova-lite-v1:0' })],
      ['status=error', () => listInvocations(ctx, { status: 'error' })],
      ['last hour', () => listInvocations(ctx, { from: new Date(Date.now() - 3600_000).toISOString() })],
    ];
    console.log(`  bare SQL first page          ${fmt(bare, 2).padStart(7)} ms`);
    console.log(`  Logs first page (service)    ${fmt(first, 2).padStart(7)} ms   ratio ${fmt(first / bare, 2)}   (budget < 50 ms: ${first < 50 ? 'met' : 'NOT met'})`);
    console.log(`  101st page (keyset cursor)   ${fmt(deep, 2).padStart(7)} ms`);
    for (const [label, fn] of cases) {
      const ms = await time(fn);
      console.log(`  filtered: ${label.padEnd(18)} ${fmt(ms, 2).padStart(7)} ms   (budget < 50 ms: ${ms < 50 ? 'met' : 'NOT met'})`);
    }
  } finally {
    await db.$disconnect();
    await client.end();
    await database.stop();
  }
}

if (process.argv[1]?.endsWith('logs.ts')) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
