import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import autocannon from 'autocannon';

/** Shared helpers for the bench scripts: start the production server, run a load, print. */
export const BENCH_KEY = 'pd_bench_admin_key_0123456789abcdef';

export interface Server {
  url: string;
  /** The launcher's (or bare server's) pid. */
  pid: number;
  stop(): Promise<void>;
}

export async function waitFor(url: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Server at ${url} did not come up within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

/** `npm start` equivalent on a fresh embedded database (needs `npm run build` first). */
export async function startPromptdeck(port: number, extraEnv: Record<string, string> = {}): Promise<Server> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'promptdeck-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/run.ts', 'start'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port), PROMPTDECK_DATA_DIR: dataDir, PROMPTDECK_INIT_API_KEY: BENCH_KEY, NEXT_TELEMETRY_DISABLED: '1', PROMPTDECK_MIGRATE_ON_START: 'true', ...extraEnv },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/v1/openapi.json`);
  return {
    url,
    pid: child.pid!,
    async stop() {
      await stopChild(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A bare node:http server in its own process returning a fixed body. */
export async function startBare(port: number, body: string): Promise<Server> {
  const code = `
    const http = require('node:http');
    const body = ${JSON.stringify(body)};
    http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag: '"x"' });
      res.end(body);
    }).listen(${port}, '127.0.0.1');`;
  const child = spawn(process.execPath, ['-e', code], { stdio: 'inherit' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url, 10_000);
  return { url, pid: child.pid!, stop: () => stopChild(child) };
}

/**
 * Waits until the server's start-up work is done: the demo data's experiments (queued at
 * start-up, run by the job queue against the stand-in) would otherwise share the CPU with
 * whatever a bench measures next.
 */
export async function settle(base: string, headers: Record<string, string>, timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    let busy = 0;
    for (const status of ['queued', 'running']) {
      const r = await fetch(`${base}/api/v1/experiments?status=${status}`, { headers });
      if (!r.ok) throw new Error(`listing experiments answered ${r.status}: ${await r.text()}`);
      const page = (await r.json()) as { items: unknown[] };
      busy += page.items.length;
    }
    if (busy === 0) return;
    if (Date.now() > until) throw new Error(`${busy} experiment(s) still queued or running after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
}

/** autocannon against one URL; `rate`: a steady total of requests/s instead of as many as it can. */
export async function load(url: string, opts: { connections: number; seconds: number; headers?: Record<string, string>; rate?: number }): Promise<LoadResult> {
  const r = await autocannon({ url, connections: opts.connections, duration: opts.seconds, headers: opts.headers, ...(opts.rate ? { overallRate: opts.rate } : {}) });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

/**
 * Latency at a steady rate, measured the way wrk2 does: request i is due at start + i/rate and
 * its latency runs from that moment, not from when it was sent, so a stall also counts against
 * every request it held up (no coordinated omission). Node's own client (llhttp) over
 * `connections` keep-alive sockets; microsecond timings, where autocannon reports whole
 * milliseconds and its JavaScript parser's pauses show up as server latency.
 */
export async function steady(url: string, opts: { rate: number; connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const target = new URL(url);
  const total = Math.round(opts.rate * opts.seconds);
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const start = performance.now() + 50;
  await new Promise<void>((resolve) => {
    let sent = 0;
    let done = 0;
    const finish = (due: number, ok: boolean, status: number) => {
      if (ok) latencies.push(performance.now() - due);
      else errors++;
      if (ok && (status < 200 || status > 299)) non2xx++;
      if (++done === total) resolve();
    };
    const tick = () => {
      // Send everything that is due by now (a late timer sends a burst, each timed from its due time).
      for (const now = performance.now(); sent < total && start + (sent * 1000) / opts.rate <= now; sent++) {
        const due = start + (sent * 1000) / opts.rate;
        const req = http.get({ host: target.hostname, port: target.port, path: target.pathname + target.search, headers: opts.headers, agent }, (res) => {
          res.resume();
          res.on('end', () => finish(due, true, res.statusCode ?? 0));
        });
        req.on('error', () => finish(due, false, 0));
      }
      if (sent < total) setTimeout(tick, Math.max(0, start + (sent * 1000) / opts.rate - performance.now()));
    };
    setTimeout(tick, 50);
  });
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? NaN;
  return { rps: latencies.length / opts.seconds, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? NaN, errors, non2xx };
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);
