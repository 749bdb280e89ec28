import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pgBinaries, type PgBinaries } from './binaries';
import { initCluster, startServer, stopOrphan, stopPid } from './cluster';
import { importLegacyPglite, legacyPgliteDir } from './legacy';
import { lockDataDir } from './lock';
import { reachableBinaries, reachableClusterDir, serverUser } from './root';
import { serverSettings } from './settings';

/**
 * The embedded database: a real PostgreSQL server (the packaged binaries, see binaries.ts) on a
 * free 127.0.0.1 port with its data in a folder, owned by the process that started it (see
 * lock.ts). The app talks to it like to any PostgreSQL server: same driver, same migrations.
 *
 * Folder layout: `postgres/` (the cluster, or a link to it: root.ts), `postgres.log`,
 * `credentials.json` (the generated password), `promptdeck.pid` (the owner). An older PGlite `pgdata/` is imported once (legacy.ts).
 * Without a folder (tests, benchmarks) the server lives in a temporary one, removed on stop.
 */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** The postmaster's pid. */
  pid: number;
  dataDir: string;
  /** Settles when the server process ends, whether by stop() or not. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Unset: a temporary folder, removed on stop(). */
  dataDir?: string;
  /** `test`: no fsync at initdb (a scratch cluster) and more connections. */
  profile?: 'app' | 'test';
  log?: (line: string) => void;
  /** Tests only: binaries from another copy of the package. */
  binaries?: PgBinaries;
}

export const APP_DATABASE = 'promptdeck';

interface Credentials {
  password: string;
}

async function credentials(dataDir: string, clusterExists: boolean): Promise<Credentials> {
  const file = path.join(dataDir, 'credentials.json');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text) return JSON.parse(text) as Credentials;
  if (clusterExists) {
    throw new Error(`${file} is missing, so the embedded database in ${dataDir} cannot be opened. Restore that file, or move ${dataDir} away to start afresh.`);
  }
  const created = { password: randomBytes(24).toString('hex') };
  await writeFile(file, JSON.stringify(created), { mode: 0o600 });
  return created;
}

async function rotateLog(logPath: string): Promise<void> {
  const size = (await stat(logPath).catch(() => undefined))?.size ?? 0;
  if (size > 10 * 1024 * 1024) await rename(logPath, `${logPath}.1`);
}

async function ensureDatabase(url: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(opts: StartOptions = {}): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => undefined);
  const profile = opts.profile ?? (opts.dataDir ? 'app' : 'test');
  const ephemeral = !opts.dataDir;
  const dataDir = opts.dataDir ? path.resolve(opts.dataDir) : await mkdtemp(path.join(tmpdir(), 'promptdeck-pg-'));
  await mkdir(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir);
  let pid: number | undefined;
  try {
    const runAs = serverUser();
    const bins = runAs ? await reachableBinaries(runAs, opts.binaries ?? pgBinaries()) : (opts.binaries ?? pgBinaries());
    const clusterDir = runAs ? await reachableClusterDir(runAs, dataDir, log) : path.join(dataDir, 'postgres');
    const exists = existsSync(path.join(clusterDir, 'PG_VERSION'));
    const { password } = await credentials(dataDir, exists);
    if (exists) {
      await stopOrphan(clusterDir, log);
    } else {
      const started = performance.now();
      await initCluster({ bins, clusterDir, password, runAs, sync: profile === 'app' });
      log(`created a PostgreSQL cluster in ${clusterDir} (${Math.round(performance.now() - started)} ms)`);
    }
    const logPath = path.join(dataDir, 'postgres.log');
    await rotateLog(logPath);
    const server = await startServer({ bins, clusterDir, runAs, logPath, password, settings: (port) => serverSettings(port, profile) });
    pid = server.pid;
    const base = `postgresql://postgres:${password}@127.0.0.1:${server.port}`;
    await ensureDatabase(`${base}/postgres`, APP_DATABASE);
    const url = `${base}/${APP_DATABASE}`;
    const legacy = legacyPgliteDir(dataDir);
    if (legacy) await importLegacyPglite({ legacyDir: legacy, url, log });

    const exited = new Promise<void>((resolve) => {
      if (server.child.exitCode !== null || server.child.signalCode !== null) resolve();
      else server.child.once('exit', () => resolve());
    });
    // If this process ends without stop() (an uncaught error), the server still shuts down
    // cleanly; a kill -9 leaves it running, and the next start stops it (stopOrphan).
    const onExit = () => {
      try {
        process.kill(server.pid, ephemeral ? 'SIGQUIT' : 'SIGINT');
      } catch {
        // already gone
      }
    };
    process.once('exit', onExit);
    let stopped: Promise<void> | undefined;
    return {
      url,
      port: server.port,
      pid: server.pid,
      dataDir,
      exited,
      stop() {
        stopped ??= (async () => {
          process.removeListener('exit', onExit);
          await stopPid(server.pid);
          await unlock();
          if (ephemeral) await rm(dataDir, { recursive: true, force: true });
        })();
        return stopped;
      },
    };
  } catch (err) {
    if (pid) await stopPid(pid).catch(() => undefined);
    await unlock();
    if (ephemeral) await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}
