import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { env } from '../env';

export type Db = PrismaClient;
export type { Prisma } from './generated/client';

/** A Prisma client over node-postgres: the only way the app talks to its database. */
export function createDb(connectionString: string, poolSize?: number): Db {
  const adapter = new PrismaPg({ connectionString, max: poolSize ?? 10 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { __promptdeckDb?: Db };

/** The process-wide client for DATABASE_URL (the launcher sets it for the embedded database). */
export function db(): Db {
  if (!globalForDb.__promptdeckDb) {
    const { DATABASE_URL, PROMPTDECK_DB_POOL_SIZE } = env();
    if (!DATABASE_URL) {
      throw new Error('DATABASE_URL is not set. Start Promptdeck with `npm start` (embedded database) or set DATABASE_URL.');
    }
    // The embedded database is a real PostgreSQL server too: the same pool size suits both.
    globalForDb.__promptdeckDb = createDb(DATABASE_URL, PROMPTDECK_DB_POOL_SIZE ?? 10);
  }
  return globalForDb.__promptdeckDb;
}

const globalForBackground = globalThis as unknown as { __promptdeckBackgroundDb?: Db };

/**
 * A second, small pool on the same database for background work that issues many statements
 * (experiment runs: claims, invocation logs, results): however busy it is, requests keep their
 * own pool's connections and never queue behind it.
 */
export function backgroundDb(): Db {
  if (!globalForBackground.__promptdeckBackgroundDb) {
    const { DATABASE_URL, PROMPTDECK_BACKGROUND_DB_POOL_SIZE } = env();
    if (!DATABASE_URL) throw new Error('DATABASE_URL is not set. Start Promptdeck with `npm start` (embedded database) or set DATABASE_URL.');
    globalForBackground.__promptdeckBackgroundDb = createDb(DATABASE_URL, PROMPTDECK_BACKGROUND_DB_POOL_SIZE ?? 8);
  }
  return globalForBackground.__promptdeckBackgroundDb;
}

/** Closes the process-wide pools, if they were opened (graceful shutdown). */
export async function closeDb(): Promise<void> {
  const clients = [globalForDb.__promptdeckDb, globalForBackground.__promptdeckBackgroundDb];
  globalForDb.__promptdeckDb = undefined;
  globalForBackground.__promptdeckBackgroundDb = undefined;
  await Promise.all(clients.map((c) => c?.$disconnect()));
}
