import type { Actor } from './auth/roles';
import type { Db } from './db/client';

/** What every service function receives: the database and who is acting. */
export interface ServiceContext {
  db: Db;
  actor: Actor;
}
