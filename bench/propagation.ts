/**
 * bench/propagation: two production instances sharing one PostgreSQL server. A label is moved
 * (and rolled back) through instance A; we measure how long until instance B serves the new
 * version; then a canary is started and stopped on A, and we measure how long until B serves
 * (or stops serving) the canary to a key on the canary side. Budget (README, Benchmarks):
 * visible everywhere within a second.
 * Needs a PostgreSQL server: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres);
 * a fresh database is created and dropped. Usage: npm run build && npx tsx bench/propagation.ts
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { stickyBucket } from '../lib/canary/assign';
import { BENCH_KEY, fmt, startPromptdeck } from './lib';

const server = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ROUNDS = 10;
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
    delays.sort((x, y) => x - y);
    const max = delays[delays.length - 1] ?? 0;
    console.log(`bench/propagation: ${ROUNDS} label moves/rollbacks on instance A, polled on instance B`);
    console.log(`  visible on B after: median ${fmt(delays[Math.floor(ROUNDS / 2)] ?? 0, 0)} ms, max ${fmt(max, 0)} ms (budget < 1000 ms: ${max < 1000 ? 'met' : 'NOT met'})`);

    // Canary start / stop: production now points at some version; the canary is the other one.
    let key = 'k0';
    for (let i = 0; stickyBucket('production', key) >= 50; i++) key = `k${i}`;
    const canaryDelays: number[] = [];
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
      canaryDelays.push(performance.now() - t0);
    }
    canaryDelays.sort((x, y) => x - y);
    const cmax = canaryDelays[canaryDelays.length - 1] ?? 0;
    console.log(`  canary start/stop (${ROUNDS}) visible on B after: median ${fmt(canaryDelays[Math.floor(ROUNDS / 2)] ?? 0, 0)} ms, max ${fmt(cmax, 0)} ms (budget < 1000 ms: ${cmax < 1000 ? 'met' : 'NOT met'})`);
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
