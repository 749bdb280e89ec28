import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { E2E_API_KEY, E2E_PORT } from '../playwright.config';

/**
 * The client libraries against the production server: the TypeScript client's live tests
 * (vitest, clients/typescript/live) and the Python client's (unittest, clients/python/live_tests)
 * run as child processes with PROMPTDECK_URL and an admin key. Each creates prompts with unique
 * names and touches nothing else. Their summaries are printed; any failure fails the spec.
 */
const env = { ...process.env, PROMPTDECK_URL: `http://127.0.0.1:${E2E_PORT}`, PROMPTDECK_API_KEY: E2E_API_KEY, FORCE_COLOR: '0', NO_COLOR: '1' };

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (err) => resolve({ code: -1, output: `${output}\n${err.message}` }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

test.describe('client libraries against the running server', () => {
  test.describe.configure({ timeout: 300_000 });

  test('TypeScript client (@promptdeck/client) live tests pass', async () => {
    const r = await run('npx', ['vitest', 'run', '--reporter=verbose', '--config', 'clients/typescript/vitest.live.config.ts']);
    const summary = r.output.split('\n').filter((l) => /Test Files|Tests |✓|×|↓|skipped|promptdeck eval/.test(l));
    console.log(`TypeScript client live tests:\n${summary.join('\n')}`);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/Tests\s+\d+ passed/);
  });

  test('Python client live tests pass (python3 -m unittest)', async () => {
    const r = await run('python3', ['-m', 'unittest', 'discover', '-v', '-s', 'clients/python/live_tests', '-t', 'clients/python']);
    const summary = r.output.split('\n').filter((l) => / \.\.\. |^Ran \d+ tests|^OK|^FAILED/.test(l));
    console.log(`Python client live tests:\n${summary.join('\n')}`);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/^OK/m);
  });
});
