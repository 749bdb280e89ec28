/**
 * bench/logs: the invocation log over 1,000,000 rows. Generates the rows (inside the database,
 * spread over the last 7 days), then times the Logs page query (the listInvocations service,
 * through Prisma) for the first page and filtered pages, against a bare SQL query for the
 * first page in the same run. Budget (README, Benchmarks): first page under 50 ms.
 * Default: a fresh embedded PostgreSQL server; `--server` uses a fresh database on the PostgreSQL
 * server in BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
 * `--days N` spreads the rows over the last N days (default 7): at 10,000,000 rows over 90 days
 * the log spans four month partitions at about the same rows per day as 1,000,000 over 7 days.
 * `--retention` then applies retention to the oldest month and times the DROP of its partition.
 * `--keep` (with --server) keeps the filled database for the next run (bench/metrics.ts takes
 * the same flags), named after the row and day counts; it is filled only once.
 * Usage: npx tsx bench/logs.ts [--rows 1000000] [--days 7] [--server [--keep]] [--retention]
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Db } from '../lib/db/client';
import { startEmbeddedPostgres } from '../lib/db/embedded';
import { migrate } from '../lib/db/migrate';
import { applyInvocationRetention, listInvocationPartitions } from '../lib/invocations/partitions';
import { listInvocations } from '../lib/invocations/queries';
import { fmt } from './lib';

const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const ROWS = Number(arg('--rows')) || 1_000_000;
export const DAYS = Number(arg('--days')) || 7;
const useServer = process.argv.includes('--server');
const keep = useServer && process.argv.includes('--keep');
const RUNS = 20;

export async function benchDatabase(): Promise<{ url: string; stop(): Promise<void>; kind: string; filled: boolean }> {
  if (!useServer) {
    const e = await startEmbeddedPostgres({ profile: 'app' }); // the app's settings, in a temporary folder
    await migrate(e.url);
    return { url: e.url, stop: e.stop, kind: 'embedded PostgreSQL', filled: false };
  }
  const server = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = keep ? `promptdeck_bench_${ROWS}_${DAYS}d` : `promptdeck_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE "${name}"`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  await migrate(u.toString());
  let filled = false;
  if (exists) {
    const c = new pg.Client({ connectionString: u.toString() });
    await c.connect();
    filled = (await c.query<{ done: boolean }>(`SELECT EXISTS (SELECT 1 FROM "Setting" WHERE key = 'bench.filled') AS done`)).rows[0]?.done ?? false;
    await c.end();
  }
  return {
    url: u.toString(),
    kind: `PostgreSQL server${keep ? ` (kept database ${name})` : ''}`,
    filled,
    async stop() {
      if (!keep) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Plausible rows: 20 prompts x 5 versions, 6 models, ~3% throttled, ~1% errors, over `days` days. */
export async function generateInvocations(client: pg.Client, rows: number, days = DAYS): Promise<void> {
  const chunk = 100_000;
  // A bulk load builds the secondary indexes once at the end (as a restore does), which is far
  // faster than keeping them up to date row by row; the queries then run on the same indexes.
  const indexes = await client.query<{ name: string; def: string }>(
    `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indrelid = '"Invocation"'::regclass AND NOT indisprimary`,
  );
  for (const i of indexes.rows) await client.query(`DROP INDEX ${i.name}`);
  // Each month of the range gets its partition first (else rows would land in the default one).
  await client.query(
    `SELECT promptdeck_invocation_month(m) FROM generate_series(date_trunc('month', now()::timestamp - $1 * interval '1 day'), now()::timestamp, interval '1 month') m`,
    [days],
  );
  for (let start = 0; start < rows; start += chunk) {
    await client.query(
      `INSERT INTO "Invocation" ("id","createdAt","promptName","promptVersion","label","modelId","status","source","caller","input","output",
         "stopReason","inputTokens","outputTokens","latencyMs","costUsd","attempts")
       SELECT gen_random_uuid()::text,
              now() - (random() * $3 * interval '1 day'),
              'prompt-' || (i % 20), 1 + (i % 5), CASE WHEN i % 3 = 0 THEN 'staging' ELSE 'production' END,
              (ARRAY['anthropic.claude-3-5-haiku-20241022-v1:0','us.anthropic.claude-3-7-sonnet-20250219-v1:0','amazon.nova-lite-v1:0',
                     'amazon.nova-pro-v1:0','meta.llama3-1-8b-instruct-v1:0','mistral.mistral-large-2407-v1:0'])[1 + (i % 6)],
              (CASE WHEN i % 33 = 0 THEN 'throttled' WHEN i % 97 = 0 THEN 'error' ELSE 'ok' END)::"InvocationStatus",
              'api', 'key:bench',
              jsonb_build_object('system', 'You review comments.', 'messages', jsonb_build_array(jsonb_build_object('role','user','content','Comment ' || i))),
              jsonb_build_object('text', '{"violation": false}'),
              'end_turn', 100 + (i % 400), 10 + (i % 90), 200 + (i % 1800), 0.0001 * (1 + i % 10), 1
         FROM generate_series($1::int, $2::int) AS i`,
      [start, Math.min(start + chunk, rows) - 1, days],
    );
  }
  await client.query(`SET maintenance_work_mem = '512MB'`);
  // pg_get_indexdef says "ON ONLY" for a partitioned index: build it on every partition too.
  for (const i of indexes.rows) await client.query(i.def.replace(/ ON ONLY /, " ON "));
  await client.query('ANALYZE "Invocation"');
  if (keep) await client.query(`INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('bench.filled', $1, now())`, [String(rows)]);
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

/** Retention as the maintenance job applies it: the oldest month is dropped whole. */
async function retention(db: Db, client: pg.Client): Promise<void> {
  const [oldest] = await listInvocationPartitions(db);
  if (!oldest) return;
  const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM public."${oldest.name}"`);
  const days = Math.floor((Date.now() - oldest.to.getTime()) / 86_400_000);
  if (days < 1) return;
  const t0 = performance.now();
  const r = await applyInvocationRetention(db, days);
  const ms = performance.now() - t0;
  console.log(`  retention: dropped ${r.droppedPartitions.join(', ') || 'nothing'} (${rows[0]?.n} rows) in ${fmt(ms, 1)} ms, without deleting row by row`);
}

async function main() {
  const database = await benchDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const db = createDb(database.url, 2);
  try {
    const t0 = performance.now();
    if (!database.filled) await generateInvocations(client, ROWS);
    const parts = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM pg_inherits WHERE inhparent = '"Invocation"'::regclass`);
    console.log(`bench/logs: ${ROWS} invocation rows over ${DAYS} days in ${database.kind}, ${parts.rows[0]?.n} partitions (generated in ${fmt((performance.now() - t0) / 1000)} s); median of ${RUNS} runs`);
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
    if (process.argv.includes('--retention')) await retention(db, client);
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
