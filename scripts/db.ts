/** `npm run db:migrate` and `npm run db:seed` (the seed refuses a non-empty catalog). */
import { createDb } from '../lib/db/client';
import { prepareDatabase } from '../lib/db/startup';
import { seedDemoData } from '../lib/seed/demo';

const cmd = process.argv[2];

async function main() {
  if (cmd !== 'migrate' && cmd !== 'seed') throw new Error('usage: tsx scripts/db.ts migrate|seed');
  const prepared = await prepareDatabase({ seedDemo: false });
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
