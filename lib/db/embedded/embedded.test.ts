import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, cp, lstat, mkdir, mkdtemp, readFile, readlink, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { binariesIn, pgBinaries, restoreLibraryLinks } from './binaries';
import { stopPid, type RunAs } from './cluster';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './index';
import { DataDirInUseError, lockDataDir } from './lock';
import { commandLine, isAlive, waitForExit } from './proc';
import { removeEmbeddedData } from './remove';
import { ROOT_HOME, serverUser } from './root';

/**
 * The embedded server's life cycle, on real PostgreSQL processes: durable settings, clean stops,
 * one owner per folder, and recovery after the owner (or everything) was killed with SIGKILL.
 */
const dirs: string[] = [];
const children: ChildProcess[] = [];
const servers: EmbeddedPostgres[] = [];
const postmasters: number[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop().catch(() => undefined);
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const pid of postmasters) if (isAlive(pid)) await stopPid(pid); // servers whose owner was killed
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), 'promptdeck-embedded-test-'));
  dirs.push(d);
  return d;
}

async function start(dataDir: string, log?: (line: string) => void): Promise<EmbeddedPostgres> {
  const s = await startEmbeddedPostgres({ dataDir, profile: 'test', log });
  servers.push(s);
  return s;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

/** Postmasters (not their workers) whose command line names this cluster. */
function postmastersOn(clusterDir: string): number[] {
  const ps = spawnSync('ps', ['-ax', '-o', 'pid=,command='], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .filter((l) => l.includes(`postgres -D ${clusterDir} `))
    .map((l) => Number.parseInt(l.trim(), 10));
}

interface OwnerInfo {
  pid: number;
  postmaster: number;
  port: number;
  url: string;
  uid: number;
}

/** A separate process that owns a server on dataDir (lib/db/embedded/test-owner.ts). */
function spawnOwner(dataDir: string, rows: number, runAs?: RunAs): Promise<{ child: ChildProcess; info: OwnerInfo }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'test-owner.ts'), dataDir, String(rows)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...runAs,
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      const info = JSON.parse(line) as OwnerInfo;
      postmasters.push(info.postmaster);
      resolve({ child, info });
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`owner exited (${code}): ${err}`)));
  });
}

const uidOf = (pid: number) => Number(spawnSync('ps', ['-o', 'uid=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim());
const childrenOf = (pid: number) =>
  spawnSync('ps', ['-ax', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter(([, ppid]) => ppid === pid)
    .map(([p]) => p!);

describe('embedded PostgreSQL', () => {
  it('listens on 127.0.0.1 only, keeps fsync and synchronous commits on, and keeps data across a clean stop', async () => {
    const dir = await tempDir();
    const s = await start(dir);
    const [settings] = await query<Record<string, string>>(
      s.url,
      `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sc, current_setting('full_page_writes') AS fpw,
              current_setting('listen_addresses') AS listen, current_setting('TimeZone') AS tz, inet_server_addr()::text AS addr, current_database() AS db`,
    );
    expect(settings).toEqual({ fsync: 'on', sc: 'on', fpw: 'on', listen: '127.0.0.1', tz: 'UTC', addr: '127.0.0.1/32', db: 'promptdeck' });
    await query(s.url, 'CREATE TABLE kept (v text)');
    await query(s.url, 'INSERT INTO kept VALUES ($1)', ['before the stop']);
    await s.stop();
    expect(isAlive(s.pid)).toBe(false);
    expect(existsSync(path.join(dir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(await readFile(path.join(dir, 'postgres.log'), 'utf8')).toContain('database system is shut down');
    expect(existsSync(path.join(dir, 'promptdeck.pid'))).toBe(false);

    const again = await start(dir);
    expect(await query(again.url, 'SELECT v FROM kept')).toEqual([{ v: 'before the stop' }]);
    await again.stop();
  });

  it('refuses a second owner of a folder while the first one runs', async () => {
    const dir = await tempDir();
    const { info } = await spawnOwner(dir, 0);
    await expect(startEmbeddedPostgres({ dataDir: dir, profile: 'test' })).rejects.toThrow(DataDirInUseError);
    await expect(startEmbeddedPostgres({ dataDir: dir, profile: 'test' })).rejects.toThrow(`already open in process ${info.pid}`);
    expect(postmastersOn(path.join(dir, 'postgres'))).toEqual([info.postmaster]);
  });

  it('after its owner was killed (kill -9), stops the server it left running and starts one on the same data', async () => {
    const dir = await tempDir();
    const { child, info } = await spawnOwner(dir, 25);
    child.kill('SIGKILL');
    await waitForExit(info.pid, 5_000);
    expect(isAlive(info.postmaster)).toBe(true); // orphaned, still serving its folder

    const lines: string[] = [];
    const s = await start(dir, (l) => lines.push(l));
    expect(lines.join('\n')).toContain(`(pid ${info.postmaster}) from an earlier run still runs`);
    expect(isAlive(info.postmaster)).toBe(false);
    expect(postmastersOn(path.join(dir, 'postgres'))).toEqual([s.pid]);
    expect(await query(s.url, 'SELECT count(*)::int AS n, max(n) AS top FROM owner_rows')).toEqual([{ n: 25, top: 25 }]);
    await s.stop();
  });

  it('after the owner and the server were all killed (kill -9), recovers every committed row', async () => {
    const dir = await tempDir();
    const { child, info } = await spawnOwner(dir, 40);
    const workers = childrenOf(info.postmaster);
    expect(workers.length).toBeGreaterThan(3);
    for (const pid of [info.pid, info.postmaster, ...workers]) process.kill(pid, 'SIGKILL');
    await waitForExit(info.postmaster, 5_000);
    expect(child.signalCode ?? (await new Promise((r) => child.once('exit', (_c, sig) => r(sig))))).toBe('SIGKILL');
    expect(existsSync(path.join(dir, 'postgres', 'postmaster.pid'))).toBe(true); // left behind

    const s = await start(dir);
    expect(await query(s.url, 'SELECT count(*)::int AS n FROM owner_rows')).toEqual([{ n: 40 }]);
    expect(await readFile(path.join(dir, 'postgres.log'), 'utf8')).toMatch(/not properly shut down|interrupted/);
    await s.stop();
  });

  it('db:reset refuses a folder in use, and stops the server a killed owner left before deleting the folder', async () => {
    const dir = await tempDir();
    const { child, info } = await spawnOwner(dir, 1);
    await expect(removeEmbeddedData(dir)).rejects.toThrow(`already open in process ${info.pid}`);
    expect(existsSync(path.join(dir, 'postgres', 'PG_VERSION'))).toBe(true);
    child.kill('SIGKILL');
    await waitForExit(info.pid, 5_000);
    const lines: string[] = [];
    expect(await removeEmbeddedData(dir, (l) => lines.push(l))).toBe(true);
    expect(lines.join('\n')).toContain(`(pid ${info.postmaster}) from an earlier run still runs`);
    expect(isAlive(info.postmaster)).toBe(false);
    expect(existsSync(dir)).toBe(false);
    expect(await removeEmbeddedData(dir)).toBe(false);
  });

  it('removes a postmaster.pid whose pid now belongs to another program', async () => {
    const dir = await tempDir();
    const first = await start(dir);
    await first.stop();
    const other = spawn('sleep', ['30']);
    children.push(other);
    await writeFile(path.join(dir, 'postgres', 'postmaster.pid'), `${other.pid}\n${path.join(dir, 'postgres')}\n0\n5432\n\n127.0.0.1\n  0  0\nready\n`);
    const lines: string[] = [];
    const s = await start(dir, (l) => lines.push(l));
    expect(lines.join('\n')).toContain(`is stale (pid ${other.pid}`);
    expect(isAlive(other.pid!)).toBe(true); // left alone
    await s.stop();
  });

  it('takes over a lock left by a dead process or by a reused pid, and refuses a live owner', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'promptdeck.pid'), '999999999\n');
    const unlock = await lockDataDir(dir);
    expect((await readFile(path.join(dir, 'promptdeck.pid'), 'utf8')).split('\n')[0]).toBe(String(process.pid));
    await unlock();
    expect(existsSync(path.join(dir, 'promptdeck.pid'))).toBe(false);

    const other = spawn('sleep', ['30']);
    children.push(other);
    await writeFile(path.join(dir, 'promptdeck.pid'), `${other.pid}\n1\n`); // alive, but started at another time: a reused pid
    await (await lockDataDir(dir))();
    await writeFile(path.join(dir, 'promptdeck.pid'), `${other.pid}\n`); // alive, start time unknown: an owner
    await expect(lockDataDir(dir)).rejects.toThrow(`already open in process ${other.pid}`);
    await unlink(path.join(dir, 'promptdeck.pid'));
  });

  it('runs the server as a normal user, and as root as the postgres user (PostgreSQL refuses root)', async () => {
    const dir = await tempDir();
    const runAs = process.getuid?.() === 0 ? serverUser() : undefined;
    if (runAs) await chown(dir, runAs.uid, runAs.gid);
    const { info } = await spawnOwner(dir, 1, runAs); // as root: the owner itself runs as the postgres user
    expect(info.uid).not.toBe(0);
    expect(uidOf(info.postmaster)).toBe(info.uid);
    // As root, this process starts it the other way: the server runs as postgres, the folder is its.
    if (process.getuid?.() === 0) {
      const rootDir = await tempDir();
      const s = await start(rootDir);
      expect(uidOf(s.pid)).toBe(serverUser()!.uid);
      await s.stop();
    }
  });

  it('as root, moves the cluster and the binaries where the postgres user can reach them when a parent folder is closed (mode 700)', async () => {
    const closed = await tempDir(); // mkdtemp: mode 700, owned by this user
    const dataDir = path.join(closed, 'data');
    await mkdir(dataDir);
    const pkg = path.join(closed, 'pkg');
    await cp(pgBinaries().packageDir, pkg, { recursive: true, verbatimSymlinks: true });
    const lines: string[] = [];
    const s = await startEmbeddedPostgres({ dataDir, profile: 'test', binaries: binariesIn(pkg), log: (l) => lines.push(l) });
    await query(s.url, 'CREATE TABLE moved (v int)');
    await s.stop();
    const link = path.join(dataDir, 'postgres');
    if (process.getuid?.() === 0) {
      expect((await lstat(link)).isSymbolicLink()).toBe(true);
      const target = await readlink(link);
      dirs.push(target);
      expect(target.startsWith(path.join(ROOT_HOME, 'clusters'))).toBe(true);
      expect(lines.join('\n')).toContain('cannot reach');
      expect(commandLine(s.pid) ?? '').toBe(''); // stopped
    } else {
      expect((await lstat(link)).isDirectory()).toBe(true); // a closed parent is no obstacle to its owner
    }
    const again = await startEmbeddedPostgres({ dataDir, profile: 'test', binaries: binariesIn(pkg) });
    servers.push(again);
    if (process.getuid?.() === 0) expect(commandLine(again.pid)).toContain(`${ROOT_HOME}/`); // the copied binaries
    expect(await query(again.url, 'SELECT count(*)::int AS n FROM moved')).toEqual([{ n: 0 }]);
    await again.stop();
  });

  it('restores the binaries package\'s library links when its postinstall script did not run', async () => {
    const copy = path.join(await tempDir(), 'pkg');
    await cp(pgBinaries().packageDir, copy, { recursive: true, verbatimSymlinks: true });
    const links = JSON.parse(await readFile(path.join(copy, 'native', 'pg-symlinks.json'), 'utf8')) as { target: string }[];
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) await rm(path.join(copy, l.target), { force: true });
    restoreLibraryLinks(copy, 'copy');
    for (const l of links) expect(existsSync(path.join(copy, l.target)), l.target).toBe(true);
  });
});
