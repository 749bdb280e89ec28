import { existsSync } from 'node:fs';
import { lstat, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import { stopOrphan } from './cluster';
import { lockDataDir } from './lock';

/**
 * Deletes an embedded database folder (`npm run db:reset`, test set-up): refused while a
 * Promptdeck runs on it; a server that a killed launcher left running on it is stopped first,
 * so deleting the folder never strands a running PostgreSQL. Returns whether there was one.
 */
export async function removeEmbeddedData(dataDir: string, log: (line: string) => void = () => undefined): Promise<boolean> {
  const dir = path.resolve(dataDir);
  if (!existsSync(dir)) return false;
  await lockDataDir(dir); // throws while its owner runs; the lock goes with the folder
  const cluster = path.join(dir, 'postgres');
  const real = await realpath(cluster).catch(() => undefined);
  if (real) await stopOrphan(real, log);
  if (real && (await lstat(cluster)).isSymbolicLink()) await rm(real, { recursive: true, force: true }); // root.ts
  await rm(dir, { recursive: true, force: true });
  return true;
}
