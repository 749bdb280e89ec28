/**
 * `npm run db:migrate`, `npm run db:seed` (the seed refuses a non-empty catalog) and
 * `npm run db:reset` (deletes the embedded database folder; refused while Promptdeck runs on it).
 */
import { createDb } from '../lib/db/client';
import { removeEmbeddedData } from '../lib/db/embedded/remove';
import { prepareDatabase } from '../lib/db/startup';
import { env } from '../lib/env';
import { seedDemoData } from '../lib/seed/demo';

const cmd = process.argv[2];

async function reset() {
  const { DATABASE_URL, PROMPTDECK_DATA_DIR } = env();
  if (DATABASE_URL) throw new Error('db:reset deletes the embedded database folder; DATABASE_URL is set, so there is none to delete.');
  const removed = await removeEmbeddedData(PROMPTDECK_DATA_DIR, (line) => console.log(`[promptdeck] ${line}`));
  console.log(removed ? `[promptdeck] deleted ${PROMPTDECK_DATA_DIR}/` : `[promptdeck] ${PROMPTDECK_DATA_DIR}/ does not exist`);
}

async function main() {
  if (cmd === 'reset') return reset();
  if (cmd !== 'migrate' && cmd !== 'seed') throw new Error('usage: tsx scripts/db.ts migrate|seed|reset');
  const prepared = await prepareDatabase({ seedDemo: false, migrate: cmd === 'migrate' ? true : undefined });
  try {
    for (const line of prepared.log) console.log(`[promptdeck] ${line}`);
    if (cmd === 'seed') {
      const db = createDb(prepared.url, 2);
      const seeded = await seedDemoData(db);
      await db.$disconnect();
      console.log(seeded ? '[promptdeck] demo data seeded' : '[promptdeck] the catalog is not empty; nothing seeded');
    }
  } finally {
    await prepared.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`[promptdeck] ${(err as Error).message}`);
  process.exit(1);
});
