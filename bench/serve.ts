/**
 * bench/serve: GET /api/v1/prompts/{name} on the production build at 50 concurrent
 * connections, against a bare node:http server returning the same JSON, measured in the same
 * run. Budget (README, Benchmarks): at least 0.5x the bare server's requests/s, p99 under 10 ms.
 * Usage: npm run build && npm run bench:serve [-- --seconds 10]
 */
import { BENCH_KEY, fmt, load, startBare, startPromptdeck } from './lib';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 10;
const CONNECTIONS = 50;

async function main() {
  const app = await startPromptdeck(3210);
  let bare: Awaited<ReturnType<typeof startBare>> | undefined;
  try {
    const path = '/api/v1/prompts/comment-moderation?label=production';
    const headers = { authorization: `Bearer ${BENCH_KEY}` };
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
    console.log(`bench/serve: ${CONNECTIONS} connections, ${seconds}s each, body ${body.length} bytes`);
    console.log(`  bare node:http     ${fmt(b.rps, 0).padStart(8)} req/s   p50 ${fmt(b.p50)} ms   p99 ${fmt(b.p99)} ms`);
    console.log(`  promptdeck serve   ${fmt(a.rps, 0).padStart(8)} req/s   p50 ${fmt(a.p50)} ms   p99 ${fmt(a.p99)} ms   errors ${a.errors} non-2xx ${a.non2xx}`);
    console.log(`  ratio ${fmt(ratio, 2)} (budget >= 0.50: ${ratio >= 0.5 ? 'met' : 'NOT met'}); p99 ${fmt(a.p99)} ms (budget < 10 ms: ${a.p99 < 10 ? 'met' : 'NOT met'})`);
  } finally {
    await bare?.stop();
    await app.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
