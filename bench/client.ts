/**
 * bench/client: what a prompt costs an application through the client libraries, on the
 * production build: get() answered from the warm cache (no request), a revalidation answered
 * 304 (ttl 0: If-None-Match on every get), and a full fetch (200 with the body; the cache
 * cleared before each get), against a bare fetch of the same URL. The Python client's
 * cache hit and 304 revalidation are measured too when python3 is there.
 * Usage: npm run build && npx tsx bench/client.ts [-- --n 2000] [--url http://host:port --key pd_...]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Promptdeck } from '../clients/typescript/src/index';
import { BENCH_KEY, fmt, startPromptdeck, type Server } from './lib';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const N = Number(arg('--n')) || 2000;
const PROMPT = 'comment-moderation';

function stats(samples: number[]): { p50: number; p99: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

async function time(n: number, op: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(200, n); i++) await op(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await op();
    out.push((performance.now() - t) * 1000); // µs
  }
  return out;
}

const line = (label: string, us: number[]) => {
  const s = stats(us);
  console.log(`  ${label.padEnd(40)} p50 ${fmt(s.p50, 1).padStart(8)} µs   p99 ${fmt(s.p99, 1).padStart(8)} µs   mean ${fmt(s.mean, 1).padStart(8)} µs`);
};

async function main() {
  const given = arg('--url');
  const app: Server | null = given ? null : await startPromptdeck(3212);
  const url = given ?? app!.url;
  const key = arg('--key') ?? BENCH_KEY;
  try {
    const quiet = { url, apiKey: key, onError: () => undefined };
    const warm = new Promptdeck({ ...quiet, cache: { ttlMs: 3_600_000 } });
    const revalidating = new Promptdeck({ ...quiet, cache: { ttlMs: 0 } });
    const full = new Promptdeck({ ...quiet, cache: { ttlMs: 0 } });
    if ((await warm.getPrompt(PROMPT)).source !== 'fetched') throw new Error('unexpected first get');
    const bare = await time(N, async () => (await fetch(`${url}/api/v1/prompts/${PROMPT}`, { headers: { authorization: `Bearer ${key}` } })).text());
    const hit = await time(N * 50, () => warm.getPrompt(PROMPT));
    const r304 = await time(N, async () => {
      const p = await revalidating.getPrompt(PROMPT);
      if (p.source !== 'revalidated' && p.source !== 'fetched') throw new Error(p.source);
    });
    const r200 = await time(N, async () => {
      full.cache.clear();
      await full.getPrompt(PROMPT);
    });
    console.log(`bench/client: GET /api/v1/prompts/${PROMPT} through the TypeScript client (${N} sequential calls each; ${N * 50} cache hits)`);
    line('TS get(), warm cache (no request)', hit);
    line('TS get(), revalidated (304)', r304);
    line('TS get(), full fetch (200)', r200);
    line('bare fetch() + body, same URL', bare);

    const py = spawnSync('python3', ['-c', PY, url, key, String(N)], { cwd: path.join(import.meta.dirname, '../clients/python'), encoding: 'utf8' });
    if (py.status === 0) {
      const r = JSON.parse(py.stdout) as Record<string, number[]>;
      line('Python get_prompt(), warm cache', r.hit!);
      line('Python get_prompt(), revalidated (304)', r.r304!);
    } else {
      console.log(`  (Python client not measured: ${py.error?.message ?? py.stderr.trim().split('\n').pop()})`);
    }
  } finally {
    await app?.stop();
  }
}

const PY = `
import json, sys, time
from promptdeck import Promptdeck
url, key, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
def timed(count, op):
    for _ in range(min(200, count)): op()
    out = []
    for _ in range(count):
        t = time.perf_counter(); op(); out.append((time.perf_counter() - t) * 1e6)
    return out
warm = Promptdeck(url, key, cache_ttl=3600, on_error=lambda e: None)
reval = Promptdeck(url, key, cache_ttl=0, on_error=lambda e: None)
print(json.dumps({"hit": timed(n * 50, lambda: warm.get_prompt("${PROMPT}")), "r304": timed(n, lambda: reval.get_prompt("${PROMPT}"))}))
`;

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
