import { spawn, type ChildProcess } from 'node:child_process';
import { chown, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { childProcessEnv } from '../../env';
import type { PgBinaries } from './binaries';
import { commandLine, isAlive, waitForExit } from './proc';
import { settingsArgs } from './settings';

/**
 * Creating, starting and stopping one PostgreSQL cluster (a data folder) with the packaged
 * binaries, as the current user or, when that is root, as the `postgres` user (root.ts).
 */
export interface RunAs {
  uid: number;
  gid: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** initdb into a scratch folder, renamed into place only once complete. */
export async function initCluster(opts: { bins: PgBinaries; clusterDir: string; password: string; runAs?: RunAs; sync: boolean }): Promise<void> {
  const scratch = `${opts.clusterDir}.init`;
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { mode: 0o700 });
  const pwFile = path.join(path.dirname(opts.clusterDir), '.initdb-password');
  await writeFile(pwFile, `${opts.password}\n`, { mode: 0o600 });
  if (opts.runAs) {
    await chown(scratch, opts.runAs.uid, opts.runAs.gid);
    await chown(pwFile, opts.runAs.uid, opts.runAs.gid);
  }
  try {
    const args = [
      `--pgdata=${scratch}`,
      '--username=postgres',
      `--pwfile=${pwFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      // The builtin provider (PostgreSQL 17+) sorts and compares the same on every OS.
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--locale=C',
      '--no-instructions',
      ...(opts.sync ? [] : ['--no-sync']),
    ];
    const result = await run(opts.bins.initdb, args, opts.runAs);
    if (result.code !== 0) throw new Error(`initdb failed (exit ${result.code}): ${result.output.trim().slice(-2000)}`);
  } finally {
    await rm(pwFile, { force: true });
  }
  await rename(scratch, opts.clusterDir);
}

function run(cmd: string, args: string[], runAs?: RunAs): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...runAs, env: childProcessEnv({ LC_ALL: 'C' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/**
 * A postmaster left running on this folder by a launcher that was killed (kill -9, a crash):
 * stopped cleanly (fast shutdown: committed work is on disk, open transactions roll back)
 * before a new one starts, since two postmasters may never share a folder. A postmaster.pid
 * whose pid now belongs to another program is stale and removed; one whose process is gone is
 * left to PostgreSQL, which replaces it itself.
 */
export async function stopOrphan(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  const text = await readFile(pidFile, 'utf8').catch(() => undefined);
  const pid = Number.parseInt(text?.split('\n')[0] ?? '', 10);
  if (!text || !isAlive(pid)) return;
  const cmd = commandLine(pid);
  if (cmd === undefined) {
    throw new Error(`${pidFile} names process ${pid}, which runs but cannot be inspected. If no PostgreSQL runs on ${clusterDir}, delete ${pidFile} and start again.`);
  }
  if (/postgres/.test(cmd) && cmd.includes(clusterDir)) {
    log(`a PostgreSQL server (pid ${pid}) from an earlier run still runs on ${clusterDir} (was the launcher killed?); stopping it cleanly first`);
    await stopPid(pid);
    return;
  }
  log(`${pidFile} is stale (pid ${pid} is now "${cmd.slice(0, 60)}"); removing it`);
  await rm(pidFile, { force: true });
}

/** Fast shutdown, then immediate shutdown, then SIGKILL if a server will not stop. */
export async function stopPid(pid: number): Promise<void> {
  const steps: [NodeJS.Signals, number][] = [
    ['SIGINT', 60_000],
    ['SIGQUIT', 10_000],
    ['SIGKILL', 5_000],
  ];
  for (const [signal, wait] of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (await waitForExit(pid, wait)) return;
  }
  throw new Error(`PostgreSQL (pid ${pid}) did not stop.`);
}

export interface RunningServer {
  child: ChildProcess;
  pid: number;
  port: number;
}

async function logTail(logPath: string, from: number): Promise<string> {
  const text = await readFile(logPath, 'utf8').catch(() => '');
  return text.slice(from).trim().split('\n').slice(-15).join('\n');
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * Starts the postmaster in its own process group (a Ctrl-C in the terminal reaches the launcher,
 * which stops the web server first and the database last) with its output in `logPath`, and
 * waits until it accepts connections. Retries on another port if the chosen one was taken, and
 * waits for the processes of a killed server to let go of its shared memory.
 */
export async function startServer(opts: {
  bins: PgBinaries;
  clusterDir: string;
  runAs?: RunAs;
  logPath: string;
  password: string;
  settings: (port: number) => Record<string, string>;
}): Promise<RunningServer> {
  const until = Date.now() + 300_000;
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const logFrom = (await stat(opts.logPath).catch(() => undefined))?.size ?? 0;
    const logFile = await open(opts.logPath, 'a');
    const child = spawn(opts.bins.postgres, ['-D', opts.clusterDir, ...settingsArgs(opts.settings(port))], {
      ...opts.runAs,
      detached: true,
      stdio: ['ignore', logFile.fd, logFile.fd],
      env: childProcessEnv({ LC_ALL: 'C' }),
    });
    await logFile.close();
    child.unref();
    const ready = await waitReady(child, `postgresql://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${port}/postgres`, until);
    if (ready === true) return { child, pid: child.pid!, port };
    const tail = await logTail(opts.logPath, logFrom);
    if (ready instanceof Error) {
      if (isAlive(child.pid!)) await stopPid(child.pid!);
      throw new Error(`The embedded PostgreSQL started but refused the connection: ${ready.message}. Its log: ${opts.logPath}`);
    }
    const retryable = /could not bind|Address already in use|shared memory block .* is still in use|lock file .* already exists/i.test(tail);
    if (!retryable || attempt >= 40 || Date.now() > until) {
      throw new Error(`The embedded PostgreSQL did not start (log ${opts.logPath}):\n${tail}`);
    }
    await sleep(250);
  }
}

/** true when connectable; false when the process exited; an Error for a refusal (e.g. password). */
async function waitReady(child: ChildProcess, url: string, until: number): Promise<true | false | Error> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return true;
    } catch (err) {
      await client.end().catch(() => undefined);
      const code = (err as { code?: string }).code;
      if (code === '28P01' || code === '28000') return err as Error;
    }
    if (Date.now() > until) return new Error('not ready after 5 minutes');
    await sleep(30);
  }
}
