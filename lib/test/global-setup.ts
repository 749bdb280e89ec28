import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../db/embedded';

/**
 * One embedded PostgreSQL server for the whole Vitest run (in a temporary folder, removed at
 * the end). Each test file creates its own fresh database on it (lib/test/db.ts), exactly as on
 * the server in TEST_DATABASE_URL.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** An admin URL of the run's embedded PostgreSQL server. */
    embeddedDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const server = await startEmbeddedPostgres({ profile: 'test' });
  project.provide('embeddedDatabaseUrl', server.url);
  console.log(`[vitest] embedded PostgreSQL on 127.0.0.1:${server.port} (ready in ${Math.round(performance.now() - started)} ms)`);
  return () => server.stop();
}
