/**
 * Runs shell commands at the same time (e.g. `npm run lint` and `npm run typecheck`, each
 * single-threaded), prints each one's output in one piece when it ends, and exits non-zero if
 * any of them failed. Usage: node --import tsx scripts/parallel.ts "<command>" "<command>" ...
 */
import { spawn } from 'node:child_process';

async function run(command: string): Promise<{ command: string; code: number; output: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('close', (code, signal) => resolve({ command, code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
    child.on('error', (e) => resolve({ command, code: 1, output: String(e), ms: performance.now() - started }));
  });
}

const commands = process.argv.slice(2);
if (!commands.length) {
  console.error('usage: parallel.ts "<command>" ["<command>" ...]');
  process.exit(2);
}
const results = await Promise.all(
  commands.map(async (c) => {
    const r = await run(c);
    process.stdout.write(`\n== ${r.command} (${(r.ms / 1000).toFixed(1)} s, exit ${r.code})\n${r.output}`);
    return r;
  }),
);
const failed = results.filter((r) => r.code !== 0);
for (const r of failed) console.error(`== FAILED: ${r.command} (exit ${r.code})`);
process.exit(failed.length ? 1 : 0);
