/**
 * bench/propagation: two production instances sharing one PostgreSQL server. A label is moved
 * (and rolled back) through instance A; we measure how long until instance B serves the new
 * version; then a canary is started and stopped on A, and we measure how long until B serves
 * (or stops serving) the canary to a key on the canary side. Budget (README, Benchmarks):
 * visible everywhere within a second. Reports median, p95 and max of each (BENCH_ROUNDS, default 20).
 * Needs a PostgreSQL server: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres);
 * a fresh database is created and dropped. Usage: npm run build && npx tsx bench/propagation.ts
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { stickyBucket } from '../lib/canary/assign';
import { BENCH_KEY, fmt, startPromptdeck } from './lib';

const server = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const BUDGET_MS = 1000;

/** median, p95 and max of a set of delays (nearest rank). */
function figures(xs: number[]): { median: number; p95: number; max: number } {
  const s = [...xs].sort((x, y) => x - y);
  const rank = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? 0;
  return { median: rank(0.5), p95: rank(0.95), max: s[s.length - 1] ?? 0 };
}

function report(what: string, xs: number[]): void {
  const f = figures(xs);
  console.log(`  ${what} (${xs.length}) visible on B after: median ${fmt(f.median, 0)} ms, p95 ${fmt(f.p95, 0)} ms, max ${fmt(f.max, 0)} ms (budget < ${BUDGET_MS} ms: ${f.max < BUDGET_MS ? 'met' : 'NOT met'})`);
}
const headers = { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' };

async function served(base: string, name: string, stickyKey?: string): Promise<number> {
  const r = await fetch(`${base}/api/v1/prompts/${name}${stickyKey ? `?stickyKey=${stickyKey}` : ''}`, { headers });
  return ((await r.json()) as { version: number }).version;
}

async function main() {
  const dbName = `promptdeck_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const u = new URL(server);
  u.pathname = `/${dbName}`;
  const env = { DATABASE_URL: u.toString() };
  const a = await startPromptdeck(3220, env);
  const b = await startPromptdeck(3221, env);
  try {
    const name = 'propagation';
    await fetch(`${a.url}/api/v1/prompts`, { method: 'POST', headers, body: JSON.stringify({ name }) });
    for (const content of ['one {{x}}', 'two {{x}}']) {
      await fetch(`${a.url}/api/v1/prompts/${name}/versions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ template: { messages: [{ role: 'user', content }] }, modelId: 'amazon.nova-lite-v1:0' }),
      });
    }
    await fetch(`${a.url}/api/v1/prompts/${name}/labels/production`, { method: 'PUT', headers, body: JSON.stringify({ version: 1 }) });
    const delays: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const before = await served(b.url, name); // B has it cached now
      const move = i % 2 === 0 ? { version: 2 } : null;
      const t0 = performance.now();
      const r = move
        ? await fetch(`${a.url}/api/v1/prompts/${name}/labels/production`, { method: 'PUT', headers, body: JSON.stringify(move) })
        : await fetch(`${a.url}/api/v1/prompts/${name}/labels/production/rollback`, { method: 'POST', headers, body: '{}' });
      if (!r.ok) throw new Error(`move failed: ${r.status} ${await r.text()}`);
      const target = ((await r.json()) as { version: number }).version;
      if (target === before) throw new Error('the move did not change the version');
      while ((await served(b.url, name)) !== target) {
        if (performance.now() - t0 > 5_000) throw new Error('instance B still serves the old version after 5 s');
      }
      delays.push(performance.now() - t0);
    }
    console.log(`bench/propagation: on instance A, polled on instance B (ports 3220/3221; one PostgreSQL server)`);
    report('label moves/rollbacks', delays);

    // Canary start / stop: production now points at some version; the canary is the other one.
    let key = 'k0';
    for (let i = 0; stickyBucket('production', key) >= 50; i++) key = `k${i}`;
    const startDelays: number[] = [];
    const stopDelays: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const base = await served(b.url, name, key);
      const other = base === 1 ? 2 : 1;
      const starting = i % 2 === 0;
      const t0 = performance.now();
      const r = starting
        ? await fetch(`${a.url}/api/v1/prompts/${name}/labels/production/canary`, { method: 'PUT', headers, body: JSON.stringify({ version: other, weight: 50 }) })
        : await fetch(`${a.url}/api/v1/prompts/${name}/labels/production/canary`, { method: 'DELETE', headers });
      if (!r.ok) throw new Error(`canary ${starting ? 'start' : 'stop'} failed: ${r.status} ${await r.text()}`);
      // Started: the key (on the canary side) gets the canary; stopped: it gets the label's version again.
      const target = other;
      while ((await served(b.url, name, key)) !== target) {
        if (performance.now() - t0 > 5_000) throw new Error('instance B still serves the old side after 5 s');
      }
      (starting ? startDelays : stopDelays).push(performance.now() - t0);
    }
    report('canary starts (sticky key on the canary side)', startDelays);
    report('canary stops', stopDelays);
    report('canary starts and stops', [...startDelays, ...stopDelays]);
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
