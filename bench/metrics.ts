/**
 * bench/metrics: the per-version aggregate of the prompt page (lib/metrics/prompts.ts) over
 * 1,000,000 invocation rows, for a 24 h window, against a bare count(*) of the same rows in the
 * same run. Budget (README, Benchmarks): a 24 h aggregate under 300 ms.
 * Default: a fresh embedded PostgreSQL; `--server` uses the PostgreSQL server (see bench/logs.ts).
 * `--one-prompt` puts every row on one prompt (about 143,000 rows in the window).
 * `--days`, `--server` and `--keep` as in bench/logs.ts (at 10,000,000 rows: --days 90).
 * Usage: npx tsx bench/metrics.ts [--rows 1000000] [--days 7] [--server [--keep]] [--one-prompt]
 */
import pg from 'pg';
import { createDb } from '../lib/db/client';
import { promptMetrics } from '../lib/metrics/prompts';
import { benchDatabase, generateInvocations } from './logs';
import { fmt } from './lib';

const ROWS = Number(process.argv[process.argv.indexOf('--rows') + 1]) || 1_000_000;
const onePrompt = process.argv.includes('--one-prompt');
const RUNS = 10;

async function median(fn: () => Promise<unknown>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return xs.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0;
}

async function main() {
  const database = await benchDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const db = createDb(database.url, 2);
  try {
    if (!database.filled) await generateInvocations(client, ROWS);
    const prompt = onePrompt ? 'prompt-all' : 'prompt-7';
    if (onePrompt) {
      await client.query(`UPDATE "Invocation" SET "promptName" = 'prompt-all'`);
      await client.query('ANALYZE "Invocation"');
    }
    await client.query(`INSERT INTO "Prompt" (id, name, "createdBy", "updatedAt", tags) VALUES ('bench', $1, 'bench', now(), '{}') ON CONFLICT DO NOTHING`, [prompt]);
    const ctx = { db, actor: { kind: 'apiKey' as const, id: 'bench', display: 'bench', role: 'viewer' as const } };
    const from = new Date(Date.now() - 24 * 3600_000).toISOString();
    const inWindow = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Invocation" WHERE "promptName" = $1 AND "createdAt" >= $2`, [prompt, from]);
    await promptMetrics(ctx, prompt, { from });
    const bare = await median(() => client.query(`SELECT count(*) FROM "Invocation" WHERE "promptName" = $1 AND "createdAt" >= $2`, [prompt, from]));
    const agg = await median(() => promptMetrics(ctx, prompt, { from }));
    console.log(`bench/metrics: ${ROWS} invocation rows in ${database.kind}; ${prompt}: ${inWindow.rows[0]?.n} rows in the last 24 h; median of ${RUNS}`);
    console.log(`  bare count(*) of those rows        ${fmt(bare, 2).padStart(8)} ms`);
    console.log(`  per-version aggregate (24 h)        ${fmt(agg, 2).padStart(8)} ms   ratio ${fmt(agg / bare, 2)}   (budget < 300 ms: ${agg < 300 ? 'met' : 'NOT met'})`);
  } finally {
    await db.$disconnect();
    await client.end();
    await database.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
