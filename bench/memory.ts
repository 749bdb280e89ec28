/**
 * bench/memory: resident memory of the whole local app at idle: the launcher (which also hosts
 * the local AWS stand-in), the web server (Next.js), and the embedded PostgreSQL (postmaster,
 * its background processes and the pool's backends). Starts `npm start`'s launcher on a fresh
 * data folder, loads a few pages and API endpoints, waits until the processes are idle (next
 * to no CPU for 3 s), then reads /proc: RSS (what each process has resident, shared pages counted in every
 * process that maps them) and PSS (shared pages divided among the processes sharing them: the
 * honest sum). Linux only. Usage: npm run build && npx tsx bench/memory.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import { BENCH_KEY, fmt, startPromptdeck } from './lib';

interface Proc {
  pid: number;
  ppid: number;
  cmd: string;
  rssKb: number;
  pssKb: number;
  cpuTicks: number;
}

function read(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (text: string, key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    return {
      pid,
      ppid: Number(f[1]),
      cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim(),
      rssKb: kb(status, 'VmRSS'),
      pssKb: kb(rollup, 'Pss'),
      cpuTicks: Number(f[11]) + Number(f[12]),
    };
  } catch {
    return undefined; // gone
  }
}

function tree(root: number): Proc[] {
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((d) => read(Number(d))).filter((p): p is Proc => !!p);
  const out = all.filter((p) => p.pid === root);
  for (let i = 0; i < out.length; i++) out.push(...all.filter((p) => p.ppid === out[i]!.pid));
  return out;
}

function group(p: Proc): string {
  if (/scripts\/run\.ts/.test(p.cmd)) return 'launcher + AWS stand-in (node)';
  if (/scripts\/server\.ts/.test(p.cmd)) return 'web server (Next.js, node)';
  if (/esbuild/.test(p.cmd)) return "tsx's esbuild service";
  if (/postgres/.test(p.cmd)) return 'PostgreSQL (postmaster, workers, backends)';
  return p.cmd.slice(0, 40);
}

/** Idle: the whole tree used at most 2 clock ticks (20 ms) of CPU in each of 3 consecutive seconds. */
async function waitIdle(root: number, capMs: number): Promise<void> {
  const end = Date.now() + capMs;
  const ticks = () => tree(root).reduce((n, p) => n + p.cpuTicks, 0);
  let last = ticks();
  let quiet = 0;
  while (Date.now() < end && quiet < 3) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = ticks();
    quiet = now - last <= 2 ? quiet + 1 : 0;
    last = now;
  }
}

async function main() {
  if (process.platform !== 'linux') throw new Error('bench/memory reads /proc: Linux only');
  const app = await startPromptdeck(3240);
  try {
    const headers = { authorization: `Bearer ${BENCH_KEY}` };
    for (const path of ['/api/v1/prompts', '/api/v1/prompts/comment-moderation?label=production', '/api/v1/invocations', '/login', '/setup']) {
      const r = await fetch(app.url + path, { headers });
      await r.arrayBuffer();
    }
    await waitIdle(app.pid, 60_000);
    const procs = tree(app.pid);
    const groups = new Map<string, { n: number; rss: number; pss: number }>();
    for (const p of procs) {
      const g = groups.get(group(p)) ?? { n: 0, rss: 0, pss: 0 };
      groups.set(group(p), { n: g.n + 1, rss: g.rss + p.rssKb, pss: g.pss + p.pssKb });
    }
    const mb = (kb: number) => fmt(kb / 1024, 0).padStart(6);
    console.log('bench/memory: the local app (npm start) at idle, after a few requests');
    console.log(`  ${'group'.padEnd(44)} procs  RSS MB  PSS MB`);
    for (const [name, g] of groups) console.log(`  ${name.padEnd(44)} ${String(g.n).padStart(5)}  ${mb(g.rss)}  ${mb(g.pss)}`);
    const total = [...groups.values()].reduce((t, g) => ({ rss: t.rss + g.rss, pss: t.pss + g.pss, n: t.n + g.n }), { rss: 0, pss: 0, n: 0 });
    console.log(`  ${'total'.padEnd(44)} ${String(total.n).padStart(5)}  ${mb(total.rss)}  ${mb(total.pss)}`);
  } finally {
    await app.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
