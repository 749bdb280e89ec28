import { link, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isAlive, startTime } from './proc';

/**
 * One process owns a data folder: the launcher writes its pid (and, on Linux, the pid's start
 * time, so a pid reused after a reboot or a kill -9 is not mistaken for the owner) to
 * `promptdeck.pid`. A lock left by a dead process is taken over; a live owner is refused.
 * Taking over is atomic: the stale file is renamed away (only one contender can), checked to
 * be the stale one, and the new lock is created with link(), which fails if it exists.
 */
export const LOCK_FILE = 'promptdeck.pid';

interface Owner {
  pid: number;
  started?: string;
}

function parse(text: string): Owner | undefined {
  const [pid, started] = text.split('\n');
  const n = Number.parseInt(pid ?? '', 10);
  return Number.isInteger(n) && n > 0 ? { pid: n, started: started || undefined } : undefined;
}

/** Whether the process that wrote this lock still runs. */
export function ownerAlive(owner: Owner): boolean {
  if (owner.pid === process.pid || !isAlive(owner.pid)) return false;
  const now = startTime(owner.pid);
  return !owner.started || !now || owner.started === now;
}

export class DataDirInUseError extends Error {}

export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dir, LOCK_FILE);
  const mine = `${process.pid}\n${startTime(process.pid) ?? ''}\n`;
  const tmp = `${lockFile}.${process.pid}.tmp`;
  await writeFile(tmp, mine);
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        await link(tmp, lockFile);
        return async () => {
          const current = await readFile(lockFile, 'utf8').catch(() => '');
          if (current === mine) await rm(lockFile, { force: true });
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const text = await readFile(lockFile, 'utf8').catch(() => '');
      const owner = parse(text);
      if (owner && ownerAlive(owner)) {
        throw new DataDirInUseError(
          `The embedded database in ${dir} is already open in process ${owner.pid}. Stop that process, or set PROMPTDECK_DATA_DIR to another folder.`,
        );
      }
      // Stale (or unreadable, or our own pid from an earlier life): move it away, unless another
      // contender replaced it in the meantime.
      const aside = `${lockFile}.${process.pid}.stale`;
      try {
        await rename(lockFile, aside);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw err;
      }
      const moved = await readFile(aside, 'utf8').catch(() => '');
      if (moved !== text) await link(aside, lockFile).catch(() => undefined); // someone else's fresh lock: put it back
      await unlink(aside).catch(() => undefined);
    }
    throw new Error(`Could not lock ${dir}: ${LOCK_FILE} keeps changing. Is another Promptdeck starting on the same folder?`);
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}
