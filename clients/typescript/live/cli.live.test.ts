import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, URL_ } from './api';

/**
 * `promptdeck eval` against the running server. It needs the experiment API with test suites
 * (POST /api/v1/prompts/{name}/suites/{suite}/runs): on a server whose OpenAPI document lacks
 * that operation the test is skipped, and says so; nowhere else.
 */
const doc = (await (await fetch(`${URL_}/api/v1/openapi.json`)).json()) as { paths: Record<string, unknown> };
const hasSuiteRuns = Object.keys(doc.paths).includes('/api/v1/prompts/{name}/suites/{suite}/runs');
const PROMPT = process.env.PROMPTDECK_EVAL_PROMPT ?? 'comment-moderation';
console.log(hasSuiteRuns ? 'promptdeck eval (live): the server has suite runs.' : 'promptdeck eval (live): this server has no POST /api/v1/prompts/{name}/suites/{suite}/runs yet: the live CLI test is skipped.');

describe('promptdeck eval (live)', () => {
  it.skipIf(!hasSuiteRuns)('runs the seeded default suite through the API: a succeeded run, exit 0 with --min-pass-rate 0, the result as JSON', async () => {
    const bin = path.join(import.meta.dirname, '../bin/promptdeck.js');
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, 'eval', '--prompt', PROMPT, '--suite', 'default', '--json', '--timeout', '5m', '--poll-interval', '1s', ...args], {
          env: { ...process.env, PROMPTDECK_URL: URL_, PROMPTDECK_API_KEY: KEY },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const ok = await run(['--min-pass-rate', '0']);
    expect(ok.code, ok.stderr).toBe(0);
    const r = JSON.parse(ok.stdout) as { result: string; experiment: { status: string; progress: { total: number; done: number }; summary: { passRate: number } } };
    expect(r.result).toBe('passed');
    expect(r.experiment.status).toBe('succeeded');
    expect(r.experiment.progress.done).toBe(r.experiment.progress.total);
    expect(typeof r.experiment.summary.passRate).toBe('number');
  });
});
