import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import type { Io } from '../src/cli/eval';
import { closedPort, fakeServer, json, type FakeServer } from './fake-server';

/**
 * `promptdeck eval` against a stand-in that speaks the experiment contract: POST
 * /api/v1/prompts/{name}/suites/{suite}/runs -> 202 experiment; GET /api/v1/experiments/{id}.
 */
let s: FakeServer;
let run: { polls: number; finalStatus: string; passRate: number; pollStatuses: number[]; cancelled: boolean; stuck: boolean };

const summary = (passRate: number) => ({
  passRate,
  meanScore: 0.9,
  perEvaluator: { exact: { passRate, meanScore: passRate }, json_valid: { passRate: 1, meanScore: 1 } },
  latencyP50Ms: 812,
  latencyP95Ms: 1430.4,
  inputTokens: 12345,
  outputTokens: 2345,
  costUsd: 0.01234,
  throttled: 3,
});

function experiment(status: string, done: number) {
  return { id: 'exp-1', name: null, prompt: 'moderation', version: 4, modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0', status, progress: { total: 30, done, errors: 1 }, summary: status === 'succeeded' || status === 'failed' ? summary(run.passRate) : null, error: status === 'failed' ? 'the dataset is empty' : undefined };
}

beforeEach(async () => {
  run = { polls: 0, finalStatus: 'succeeded', passRate: 0.9333, pollStatuses: [], cancelled: false, stuck: false };
  s = await fakeServer((req, res) => {
    if (req.headers.authorization !== 'Bearer pd_ci') return json(res, 401, { error: { code: 'unauthorized', message: 'API key missing or unknown.' } });
    if (req.method === 'POST' && req.path === '/api/v1/prompts/moderation/suites/default/runs') return json(res, 202, experiment('queued', 0));
    if (req.method === 'POST' && /\/suites\/[^/]+\/runs$/.test(req.path)) return json(res, 404, { error: { code: 'not_found', message: 'Suite "nope" of "moderation" not found.' } });
    if (req.method === 'GET' && req.path === '/api/v1/experiments/exp-1') {
      const forced = run.pollStatuses[run.polls++];
      if (forced) return json(res, forced, { error: { code: 'unavailable', message: 'restarting' } });
      if (run.cancelled) return json(res, 200, experiment('cancelled', 10));
      if (run.stuck || run.polls < 3) return json(res, 200, experiment('running', run.polls * 10));
      return json(res, 200, experiment(run.finalStatus, 30));
    }
    if (req.method === 'POST' && req.path === '/api/v1/experiments/exp-1/cancel') {
      run.cancelled = true;
      return json(res, 200, experiment('cancelled', 10));
    }
    json(res, 404, { error: { code: 'not_found', message: 'no route' } });
  });
});
afterEach(async () => {
  await s.close();
});

function io(o: { interruptAfterPolls?: number } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  let t = 0;
  let interrupt: (() => void) | null = null;
  const x: Io & { out: (s: string) => void } = {
    out: (v) => out.push(v),
    err: (v) => err.push(v),
    fetch: globalThis.fetch,
    now: () => t,
    sleep: async (ms) => {
      t += ms;
      if (o.interruptAfterPolls !== undefined && run.polls >= o.interruptAfterPolls) interrupt?.();
    },
    onInterrupt: (cb) => {
      interrupt = cb;
      return () => (interrupt = null);
    },
  };
  return { io: x, stdout: () => out.join(''), stderr: () => err.join('') };
}

const args = (...extra: string[]) => ['eval', '--prompt', 'moderation', '--label', 'staging', '--url', s.url, '--api-key', 'pd_ci', ...extra];

describe('promptdeck eval', () => {
  it('runs the suite, prints progress and the summary, and exits 0 at or above the threshold', async () => {
    const x = io();
    expect(await main(args('--min-pass-rate', '0.9'), x.io, {})).toBe(0);
    expect(s.received[0]).toMatchObject({ method: 'POST', path: '/api/v1/prompts/moderation/suites/default/runs', body: { label: 'staging' } });
    expect(x.stderr()).toContain('started experiment exp-1');
    expect(x.stderr()).toMatch(/running: 10\/30 calls \(33%\), 1 error\n/);
    const out = x.stdout();
    for (const line of ['pass rate    93.3%   (minimum 90.0%)', 'exact 93.3% · json_valid 100.0%', 'p50 812 ms · p95 1,430 ms', '12,345 in · 2,345 out', '$0.0123', 'throttles    3', 'PASSED: pass rate 93.3% >= 90.0%']) {
      expect(out).toContain(line);
    }
  });

  it('exits 1 below the threshold (percentages accepted)', async () => {
    run.passRate = 0.85;
    const x = io();
    expect(await main(args('--min-pass-rate', '90%'), x.io, {})).toBe(1);
    expect(x.stdout()).toContain('FAILED: pass rate 85.0% is below 90.0%');
  });

  it('--json prints one JSON document on stdout', async () => {
    const x = io();
    expect(await main(args('--min-pass-rate', '0.95', '--json', '--quiet'), x.io, {})).toBe(1);
    const r = JSON.parse(x.stdout()) as { result: string; exitCode: number; minPassRate: number; experiment: { id: string; summary: { throttled: number } } };
    expect(r).toMatchObject({ result: 'below_threshold', exitCode: 1, minPassRate: 0.95, experiment: { id: 'exp-1', summary: { throttled: 3 } } });
    expect(x.stderr()).toBe('');
  });

  it('exits 4 when the run failed or was cancelled', async () => {
    run.finalStatus = 'failed';
    const x = io();
    expect(await main(args('--min-pass-rate', '0.5'), x.io, {})).toBe(4);
    expect(x.stdout()).toContain('FAILED: the run failed: the dataset is empty');
    run.finalStatus = 'cancelled';
    run.polls = 0;
    const y = io();
    expect(await main(args(), y.io, {})).toBe(4);
    expect(y.stdout()).toContain('FAILED: the run was cancelled');
  });

  it('exits 5 after --timeout and cancels the run (unless --no-cancel)', async () => {
    run.stuck = true;
    const x = io();
    expect(await main(args('--timeout', '10s', '--poll-interval', '2s'), x.io, {})).toBe(5);
    expect(run.cancelled).toBe(true);
    expect(x.stderr()).toContain('cancelled experiment exp-1');
    expect(x.stderr()).toContain('not finished after 10.0 s');
    run.cancelled = false;
    const y = io();
    expect(await main(args('--timeout', '10s', '--no-cancel'), y.io, {})).toBe(5);
    expect(run.cancelled).toBe(false);
  });

  it('cancels the run on Ctrl-C and exits 130', async () => {
    run.stuck = true;
    const x = io({ interruptAfterPolls: 2 });
    expect(await main(args(), x.io, {})).toBe(130);
    expect(run.cancelled).toBe(true);
  });

  it('keeps following the run while the server is briefly unavailable', async () => {
    run.pollStatuses = [503, 0, 502];
    const x = io();
    expect(await main(args('--min-pass-rate', '0.9'), x.io, {})).toBe(0);
    expect(x.stderr()).toContain('server unavailable');
  });

  it('exits 3 for API errors: unknown suite, bad key, unreachable server', async () => {
    let x = io();
    expect(await main(args('--suite', 'nope'), x.io, {})).toBe(3);
    expect(x.stderr()).toContain('Suite "nope" of "moderation" not found.');
    x = io();
    expect(await main(['eval', '--prompt', 'moderation', '--url', s.url, '--api-key', 'pd_wrong'], x.io, {})).toBe(3);
    expect(x.stderr()).toContain('API key missing or unknown');
    x = io();
    expect(await main(['eval', '--prompt', 'moderation', '--url', await closedPort()], x.io, {})).toBe(3);
    expect(x.stderr()).toContain('could not reach Promptdeck');
  });

  it('exits 2 for usage errors, and takes the URL and key from the environment', async () => {
    for (const bad of [
      ['eval'],
      ['eval', '--prompt', 'p', '--label', 'a', '--version', '2', '--url', 'http://x'],
      ['eval', '--prompt', 'p', '--min-pass-rate', '1.5', '--url', 'http://x'],
      ['eval', '--prompt', 'p', '--timeout', 'soon', '--url', 'http://x'],
      ['eval', '--prompt', 'p', '--bogus', '--url', 'http://x'],
      ['eval', '--prompt', 'p'],
      ['frobnicate'],
      [],
    ]) {
      const x = io();
      expect(await main(bad, x.io, {}), bad.join(' ')).toBe(2);
      expect(x.stderr().length).toBeGreaterThan(0);
    }
    const x = io();
    expect(await main(['eval', '--prompt', 'moderation', '--version', '4'], x.io, { PROMPTDECK_URL: s.url, PROMPTDECK_API_KEY: 'pd_ci' })).toBe(0);
    expect(s.received[0]?.body).toEqual({ version: 4 });
    const h = io();
    expect(await main(['eval', '--help'], h.io, {})).toBe(0);
    expect(h.stdout()).toContain('Exit codes');
  });

  it('the installed bin runs it as a process, with the exit code', async () => {
    run.passRate = 0.5;
    const bin = path.join(import.meta.dirname, '../bin/promptdeck.js');
    const child = spawn(process.execPath, [bin, 'eval', '--prompt', 'moderation', '--min-pass-rate', '0.9', '--poll-interval', '10ms'], {
      env: { ...process.env, PROMPTDECK_URL: s.url, PROMPTDECK_API_KEY: 'pd_ci' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(1);
    expect(stdout).toContain('FAILED: pass rate 50.0% is below 90.0%');
  });
});
