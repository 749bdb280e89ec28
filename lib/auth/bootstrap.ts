import type { Db } from '../db/client';
import { env } from '../env';
import { ensureInitApiKey } from './api-keys';
import { ensureInitAdmin } from './users';

/** Applies the headless start-up variables (API.md). */
export async function applyInitCredentials(db: Db): Promise<string[]> {
  const e = env();
  const done: string[] = [];
  if (e.PROMPTDECK_INIT_API_KEY) {
    await ensureInitApiKey(db, e.PROMPTDECK_INIT_API_KEY);
    done.push('admin API key from PROMPTDECK_INIT_API_KEY');
  }
  if (e.PROMPTDECK_INIT_ADMIN_EMAIL || e.PROMPTDECK_INIT_ADMIN_PASSWORD) {
    if (!e.PROMPTDECK_INIT_ADMIN_EMAIL || !e.PROMPTDECK_INIT_ADMIN_PASSWORD) {
      throw new Error('Set both PROMPTDECK_INIT_ADMIN_EMAIL and PROMPTDECK_INIT_ADMIN_PASSWORD, or neither.');
    }
    await ensureInitAdmin(db, e.PROMPTDECK_INIT_ADMIN_EMAIL, e.PROMPTDECK_INIT_ADMIN_PASSWORD);
    done.push(`admin user ${e.PROMPTDECK_INIT_ADMIN_EMAIL}`);
  }
  return done;
}
