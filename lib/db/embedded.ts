import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) persisted in a folder and
 * served over the PostgreSQL wire protocol on 127.0.0.1, so the app uses the same driver
 * (node-postgres via @prisma/adapter-pg) as against a real server. Only one process may open a
 * data folder, so the launcher owns it and guards it with a pid lock file.
 */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dir, 'promptdeck.pid');
  const existing = await readFile(lockFile, 'utf8').catch(() => '');
  const pid = Number.parseInt(existing, 10);
  if (pid && pid !== process.pid && isAlive(pid)) {
    throw new Error(
      `The embedded database in ${dir} is already open in process ${pid}. Stop that process, or set PROMPTDECK_DATA_DIR to another folder.`,
    );
  }
  await writeFile(lockFile, String(process.pid));
  return () => rm(lockFile, { force: true });
}

/** dataDir undefined: an in-memory database (tests). */
export async function startEmbeddedPostgres(opts: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  let unlock = async () => {};
  let db: PGlite;
  if (opts.dataDir) {
    const dir = path.resolve(opts.dataDir);
    await mkdir(dir, { recursive: true });
    unlock = await lockDataDir(dir);
    db = await PGlite.create(path.join(dir, 'pgdata'));
  } else {
    db = await PGlite.create();
  }
  const port = opts.port ?? (await freePort());
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 20 });
  await server.start();
  return {
    port,
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop().catch(() => undefined);
      await db.close().catch(() => undefined);
      await unlock();
    },
  };
}
