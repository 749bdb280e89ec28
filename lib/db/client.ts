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

type Pools = { __promptdeckDb?: Db; __promptdeckBackgroundDb?: Db };
const pools = globalThis as unknown as Pools;

/** One process-wide pool on DATABASE_URL (the launcher sets it for the embedded database). */
function pool(slot: keyof Pools, size: (e: ReturnType<typeof env>) => number): Db {
  let client = pools[slot];
  if (!client) {
    const e = env();
    if (!e.DATABASE_URL) {
      throw new Error('DATABASE_URL is not set. Start Promptdeck with `npm start` (embedded database) or set DATABASE_URL.');
    }
    client = pools[slot] = createDb(e.DATABASE_URL, size(e));
  }
  return client;
}

/** The process-wide client for requests (the embedded database is a real server too: the same pool size suits both). */
export function db(): Db {
  return pool('__promptdeckDb', (e) => e.PROMPTDECK_DB_POOL_SIZE);
}

/**
 * A second, small pool on the same database for background work that issues many statements
 * (experiment runs: claims, invocation logs, results): however busy it is, requests keep their
 * own pool's connections and never queue behind it.
 */
export function backgroundDb(): Db {
  return pool('__promptdeckBackgroundDb', (e) => e.PROMPTDECK_BACKGROUND_DB_POOL_SIZE);
}

/** Closes the process-wide pools, if they were opened (graceful shutdown). */
export async function closeDb(): Promise<void> {
  const clients = [pools.__promptdeckDb, pools.__promptdeckBackgroundDb];
  pools.__promptdeckDb = undefined;
  pools.__promptdeckBackgroundDb = undefined;
  await Promise.all(clients.map((c) => c?.$disconnect()));
}
