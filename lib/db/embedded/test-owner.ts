/**
 * For tests that kill the owner of an embedded server: `node --import tsx test-owner.ts <dir>
 * [rows]` starts the server on <dir>, commits <rows> rows one by one into table "owner_rows",
 * prints {"pid", "postmaster", "port", "url", "uid"} as one JSON line, then waits to be killed.
 */
import pg from 'pg';
import { startEmbeddedPostgres } from './index';

async function main() {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: test-owner.ts <dataDir> [rows]');
  const rows = Number(process.argv[3] ?? 0);
  const server = await startEmbeddedPostgres({ dataDir, profile: 'test' });
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query('CREATE TABLE IF NOT EXISTS owner_rows (n int PRIMARY KEY, owner int NOT NULL)');
  for (let i = 0; i < rows; i++) await client.query('INSERT INTO owner_rows (n, owner) VALUES ((SELECT coalesce(max(n), 0) + 1 FROM owner_rows), $1)', [process.pid]);
  console.log(JSON.stringify({ pid: process.pid, postmaster: server.pid, port: server.port, url: server.url, uid: process.getuid?.() }));
  setInterval(() => undefined, 60_000);
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
