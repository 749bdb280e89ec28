/**
 * bench/serve: GET /api/v1/prompts/{name} on the production build at 50 concurrent
 * connections, against a bare node:http server returning the same JSON, measured in the same
 * run. Budget (README, Benchmarks): at least 0.5x the bare server's requests/s, p99 under 10 ms.
 * `--canary`: the same with a canary running on the label (50% weight), once with no key (each
 * request draws a side at random) and once sticky (`?stickyKey=`): same budget.
 * Throughput is measured flat out (autocannon); the p99 budget at a steady 1,000 req/s over 10
 * connections (flat out, 50 connections queue by construction: p50 is connections / rate, ~10 ms
 * at 5,000 req/s, so a saturated p99 says how busy the machine is, not how fast the path is).
 * The steady latency comes from lib.ts `steady` (wrk2's method: each request timed from when it
 * was due, Node's native parser, microseconds), for bare and Promptdeck alike: autocannon's
 * whole-millisecond figures and its JavaScript parser's pauses put 10-40 ms p99s on both sides of
 * the comparison that a client with llhttp did not see (measured 2026-12-02).
 * Waits first for the demo data's experiments to finish (lib.ts `settle`), so the measurement
 * does not share the CPU with start-up work.
 * Usage: npm run build && npm run bench:serve [-- --seconds 10] [-- --canary]
 */
import { BENCH_KEY, fmt, load, settle, startBare, startPromptdeck, steady } from './lib';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 10;
const CONNECTIONS = 50;
const CANARY = process.argv.includes('--canary');
const STEADY_RATE = 1000;

/** A prompt of the bench's own with production -> v1 and a canary of v2 for 50% of callers. */
async function canaryPrompt(base: string, headers: Record<string, string>): Promise<string> {
  const name = 'bench-canary';
  const h = { ...headers, 'content-type': 'application/json' };
  await fetch(`${base}/api/v1/prompts`, { method: 'POST', headers: h, body: JSON.stringify({ name }) });
  for (const content of ['Moderate: {{comment}}', 'Moderate strictly: {{comment}}']) {
    await fetch(`${base}/api/v1/prompts/${name}/versions`, { method: 'POST', headers: h, body: JSON.stringify({ template: { messages: [{ role: 'user', content }] }, modelId: 'amazon.nova-lite-v1:0' }) });
  }
  await fetch(`${base}/api/v1/prompts/${name}/labels/production`, { method: 'PUT', headers: h, body: JSON.stringify({ version: 1 }) });
  const r = await fetch(`${base}/api/v1/prompts/${name}/labels/production/canary`, { method: 'PUT', headers: h, body: JSON.stringify({ version: 2, weight: 50 }) });
  if (!r.ok) throw new Error(`starting the canary failed: ${r.status} ${await r.text()}`);
  return name;
}

async function main() {
  const app = await startPromptdeck(3210);
  let bare: Awaited<ReturnType<typeof startBare>> | undefined;
  try {
    const headers = { authorization: `Bearer ${BENCH_KEY}` };
    await settle(app.url, headers);
    const path = CANARY ? `/api/v1/prompts/${await canaryPrompt(app.url, headers)}?label=production` : '/api/v1/prompts/comment-moderation?label=production';
    const first = await fetch(app.url + path, { headers });
    if (!first.ok) throw new Error(`serving endpoint answered ${first.status}: ${await first.text()}`);
    const body = await first.text();
    bare = await startBare(3211, body);

    // Warm both (JIT, caches, connection setup), then measure.
    await load(app.url + path, { connections: CONNECTIONS, seconds: 3, headers });
    await load(bare.url, { connections: CONNECTIONS, seconds: 2 });
    const b = await load(bare.url, { connections: CONNECTIONS, seconds });
    const a = await load(app.url + path, { connections: CONNECTIONS, seconds, headers });

    const ratio = a.rps / b.rps;
    console.log(`bench/serve${CANARY ? ' --canary (50% canary running)' : ''}: ${CONNECTIONS} connections, ${seconds}s each, body ${body.length} bytes`);
    console.log(`  bare node:http     ${fmt(b.rps, 0).padStart(8)} req/s   p50 ${fmt(b.p50)} ms   p99 ${fmt(b.p99)} ms`);
    console.log(`  promptdeck serve   ${fmt(a.rps, 0).padStart(8)} req/s   p50 ${fmt(a.p50)} ms   p99 ${fmt(a.p99)} ms   errors ${a.errors} non-2xx ${a.non2xx}`);
    console.log(`  ratio ${fmt(ratio, 2)} (budget >= 0.50: ${ratio >= 0.5 ? 'met' : 'NOT met'})`);
    if (CANARY) {
      const sticky = await load(`${app.url + path}&stickyKey=user-42`, { connections: CONNECTIONS, seconds, headers });
      const r2 = sticky.rps / b.rps;
      console.log(`  sticky (stickyKey) ${fmt(sticky.rps, 0).padStart(8)} req/s   p50 ${fmt(sticky.p50)} ms   p99 ${fmt(sticky.p99)} ms   errors ${sticky.errors} non-2xx ${sticky.non2xx}`);
      console.log(`  sticky ratio ${fmt(r2, 2)} (budget >= 0.50: ${r2 >= 0.5 ? 'met' : 'NOT met'})`);
    }
    // Latency at a steady, unsaturated rate: where the p99 budget is judged.
    const at = { connections: 10, seconds, rate: STEADY_RATE };
    const sb = await steady(bare.url, at);
    const sa = await steady(app.url + path, { ...at, headers });
    console.log(`  at a steady ${STEADY_RATE} req/s (10 connections, latency from each request's due time):`);
    console.log(`  bare node:http     ${fmt(sb.rps, 0).padStart(8)} req/s   p50 ${fmt(sb.p50, 2)} ms   p99 ${fmt(sb.p99, 2)} ms`);
    console.log(`  promptdeck serve   ${fmt(sa.rps, 0).padStart(8)} req/s   p50 ${fmt(sa.p50, 2)} ms   p99 ${fmt(sa.p99, 2)} ms   errors ${sa.errors} non-2xx ${sa.non2xx}   (budget p99 < 10 ms: ${sa.p99 < 10 ? 'met' : 'NOT met'})`);
    if (CANARY) {
      const ss = await steady(`${app.url + path}&stickyKey=user-42`, { ...at, headers });
      console.log(`  sticky (stickyKey) ${fmt(ss.rps, 0).padStart(8)} req/s   p50 ${fmt(ss.p50, 2)} ms   p99 ${fmt(ss.p99, 2)} ms   errors ${ss.errors} non-2xx ${ss.non2xx}   (budget p99 < 10 ms: ${ss.p99 < 10 ? 'met' : 'NOT met'})`);
    }
  } finally {
    await bare?.stop();
    await app.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
