import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, cp, lstat, mkdir, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { binariesIn, type PgBinaries } from './binaries';
import type { RunAs } from './cluster';

/**
 * PostgreSQL refuses to run as root. As root (containers, CI) the server runs as the `postgres`
 * user, created when missing, which must reach the binaries and the cluster. Where a parent
 * folder is closed to other users (a project under /root, mode 700), both move to
 * /var/lib/promptdeck: the binaries are copied there once per version, and the cluster lives
 * there with `<data>/postgres` a link to it (so deleting the data folder starts afresh).
 */
export const ROOT_HOME = '/var/lib/promptdeck';

function ids(name: string): RunAs | undefined {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** undefined: run as the current user. As root: the `postgres` user, created if missing. */
export function serverUser(): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const existing = ids('postgres');
  if (existing) return existing;
  spawnSync('groupadd', ['--system', 'postgres'], { encoding: 'utf8' });
  const add = spawnSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', 'postgres'], {
    encoding: 'utf8',
  });
  const created = ids('postgres');
  if (!created) {
    throw new Error(
      `Promptdeck runs as root, and PostgreSQL refuses to run as root; creating a "postgres" user to run it failed (${add.error?.message ?? add.stderr.trim()}). Create one (useradd --system postgres) or run Promptdeck as a normal user.`,
    );
  }
  return created;
}

/** Whether the user can reach (traverse to and use) a path. */
export function canReach(runAs: RunAs, target: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', target], { uid: runAs.uid, gid: runAs.gid }).status === 0;
}

/** The binaries, copied to /var/lib/promptdeck when the postgres user cannot reach node_modules. */
export async function reachableBinaries(runAs: RunAs, bins: PgBinaries): Promise<PgBinaries> {
  if (canReach(runAs, bins.postgres)) return bins;
  const { name, version } = JSON.parse(readFileSync(path.join(bins.packageDir, 'package.json'), 'utf8')) as { name: string; version: string };
  const home = path.join(ROOT_HOME, `${name.replace(/[@/]/g, '_')}-${version}`);
  if (!existsSync(path.join(home, '.complete'))) {
    await rm(home, { recursive: true, force: true });
    await mkdir(ROOT_HOME, { recursive: true, mode: 0o755 });
    await cp(bins.packageDir, `${home}.tmp`, { recursive: true, verbatimSymlinks: true });
    await writeFile(path.join(`${home}.tmp`, '.complete'), '');
    await rename(`${home}.tmp`, home);
  }
  const moved = binariesIn(home, name);
  if (!canReach(runAs, moved.postgres)) throw new Error(`The postgres user cannot run ${moved.postgres}.`);
  return moved;
}

/**
 * Where the cluster of a data folder lives: `<data>/postgres`, or, when the postgres user
 * cannot reach the data folder, /var/lib/promptdeck/clusters/<hash> linked from there.
 */
export async function reachableClusterDir(runAs: RunAs, dataDir: string, log: (line: string) => void): Promise<string> {
  const mode = (await stat(dataDir)).mode;
  if ((mode & 0o001) === 0) await chmod(dataDir, mode | 0o001); // traversable, not readable
  const inPlace = path.join(dataDir, 'postgres');
  const link = await lstat(inPlace).catch(() => undefined);
  if (link?.isSymbolicLink()) return path.resolve(dataDir, await readlink(inPlace));
  if (link || canReach(runAs, dataDir)) return inPlace;
  const elsewhere = path.join(ROOT_HOME, 'clusters', createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
  await rm(elsewhere, { recursive: true, force: true }); // left by a data folder that was deleted
  await mkdir(path.dirname(elsewhere), { recursive: true, mode: 0o755 });
  await symlink(elsewhere, inPlace);
  log(`the postgres user cannot reach ${dataDir} (a parent folder is closed to other users), so its cluster lives in ${elsewhere}, linked from ${inPlace}`);
  return elsewhere;
}
