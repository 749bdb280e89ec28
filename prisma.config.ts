import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI only (generate; migrate where the schema engine is available).
// At run time the app connects through the driver adapter in lib/db/client.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx scripts/db.ts seed' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/promptdeck' },
});
