import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/**
 * For specs that start their own Promptdeck (the launcher, `npm start`'s script) and kill it:
 * start it on a port and data folder, wait until it serves, list its process tree, and wait
 * until killed processes and the port are really gone (conditions, not sleeps).
 */
export interface Launcher {
  pid: number;
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startLauncher(opts: { port: number; dataDir: string; apiKey: string; env?: Record<string, string> }): Launcher {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(opts.port),
    PROMPTDECK_DATA_DIR: opts.dataDir,
    PROMPTDECK_INIT_API_KEY: opts.apiKey,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.DATABASE_URL;
  // Extra settings, e.g. DATABASE_URL for instances sharing a PostgreSQL server (e2e/instances.spec.ts).
  Object.assign(env, opts.env);
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/run.ts', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { pid: child.pid!, child, output: () => out, exited };
}

export async function waitUntilServing(baseUrl: string, launcher: Launcher, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let gone = false;
  void launcher.exited.then(() => (gone = true));
  while (Date.now() < until) {
    if (gone) throw new Error(`the launcher exited before serving:\n${launcher.output()}`);
    try {
      if (launcher.output().includes('ready on http') && (await fetch(`${baseUrl}/api/v1/openapi.json`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not serving after ${timeoutMs} ms:\n${launcher.output()}`);
}

/** The process and all its descendants (by parent pid), root first. */
export function processTree(root: number): number[] {
  const rows = spawnSync('ps', ['-ax', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter((r) => r.length === 2);
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of rows) if (ppid === tree[i] && !tree.includes(pid!)) tree.push(pid!);
  return tree;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const state = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();
  return state !== '' && !state.startsWith('Z');
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const waitGone = (pids: number[], timeoutMs = 30_000) => until(`still running: ${pids.filter(alive).join(', ')}`, () => !pids.some(alive), timeoutMs);

export const waitPortClosed = (port: number, timeoutMs = 30_000) =>
  until(
    `port ${port} still accepts connections`,
    () =>
      new Promise<boolean>((resolve) => {
        const s = net.connect(port, '127.0.0.1');
        s.once('connect', () => (s.destroy(), resolve(false)));
        s.once('error', () => resolve(true));
      }),
    timeoutMs,
  );

/** Postmasters whose command line names this data folder's cluster. */
export function postmastersOn(dataDir: string): number[] {
  const matches = spawnSync('ps', ['-ax', '-o', 'pid=,ppid=,command='], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((l) => l.includes(`postgres -D ${dataDir}/postgres `))
    .map((l) => l.trim().split(/\s+/, 2).map(Number) as [number, number]);
  // A backend just forked still shows its postmaster's command line until it sets its own
  // title ("postgres: checkpointer", ...): a match whose parent also matches is not a server.
  const pids = new Set(matches.map(([pid]) => pid));
  return matches.filter(([, ppid]) => !pids.has(ppid)).map(([pid]) => pid);
}
