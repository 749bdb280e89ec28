import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** autocannon against one URL; `rate`: a steady total of requests/s instead of as many as it can. */
export async function load(url: string, opts: { connections: number; seconds: number; headers?: Record<string, string>; rate?: number }): Promise<LoadResult> {
  const r = await autocannon({ url, connections: opts.connections, duration: opts.seconds, headers: opts.headers, ...(opts.rate ? { overallRate: opts.rate } : {}) });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);
