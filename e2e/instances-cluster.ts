import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../lib/db/embedded';
import { migrate } from '../lib/db/migrate';
import { startLauncher, waitGone, processTree, waitUntilServing, type Launcher } from './launcher';

/**
 * Several production instances (the launcher, as `npm start`, on the built server) on ONE fresh
 * database: on the PostgreSQL server in TEST_DATABASE_URL when set (CI: the machine's server on
 * 127.0.0.1:5432), else on an embedded PostgreSQL server started for the run. Migrations are
 * applied once, as the release step would (`npm run db:migrate`); the instances start with
 * PROMPTDECK_MIGRATE_ON_START unset, i.e. off for DATABASE_URL, as in a team deployment.
 */
export const ADMIN_KEY = 'pd_e2e_instances_admin_key_0123456789';
export const ADMIN = { email: 'admin@instances.test', password: 'instances-admin-password-42' };

export interface Instance {
  name: string;
  url: string;
  launcher: Launcher;
}

export interface Cluster {
  /** The database URL every instance uses. */
  databaseUrl: string;
  kind: 'postgres' | 'embedded';
  instances: Instance[];
  stop(): Promise<void>;
}

export async function startCluster(opts: { ports: number[]; env?: Record<string, string> }): Promise<Cluster> {
  let embedded: EmbeddedPostgres | undefined;
  const external = process.env.TEST_DATABASE_URL;
  if (!external) embedded = await startEmbeddedPostgres({ profile: 'test' });
  const server = external ?? embedded!.url;
  const dbName = `promptdeck_instances_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${dbName}`;
  const databaseUrl = u.toString();
  await migrate(databaseUrl); // the release step, once

  const instances: Instance[] = [];
  const dataDirs: string[] = [];
  const stop = async () => {
    for (const i of instances) {
      const tree = processTree(i.launcher.pid);
      if (i.launcher.child.exitCode === null) i.launcher.child.kill('SIGTERM');
      await i.launcher.exited;
      await waitGone(tree).catch(() => undefined);
    }
    for (const d of dataDirs) await rm(d, { recursive: true, force: true });
    const a = new pg.Client({ connectionString: server });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await a.end();
    await embedded?.stop();
  };
  try {
    // Started one after the other: the first also creates the job queue's schema.
    for (const [n, port] of opts.ports.entries()) {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'promptdeck-instance-'));
      dataDirs.push(dataDir);
      const launcher = startLauncher({
        port,
        dataDir,
        apiKey: ADMIN_KEY,
        env: {
          DATABASE_URL: databaseUrl,
          PROMPTDECK_INIT_ADMIN_EMAIL: ADMIN.email,
          PROMPTDECK_INIT_ADMIN_PASSWORD: ADMIN.password,
          PROMPTDECK_SECURE_COOKIES: 'false',
          PROMPTDECK_JOBS_POLL_SECONDS: '0.5',
          PROMPTDECK_DIAGNOSTIC_JOBS: 'on',
          // Test-only: the webhook check's receiver listens on 127.0.0.1 in the test process
          // (SSRF rules refuse loopback otherwise); retries come after 200 ms, not 10 s.
          PROMPTDECK_WEBHOOK_ALLOW_PRIVATE: 'true',
          PROMPTDECK_WEBHOOK_RETRY_BASE_MS: '200',
          PROMPTDECK_WEBHOOK_TIMEOUT_MS: '5000',
          ...opts.env,
        },
      });
      const instance = { name: String.fromCharCode(65 + n), url: `http://127.0.0.1:${port}`, launcher };
      instances.push(instance);
      await waitUntilServing(instance.url, launcher);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { databaseUrl, kind: external ? 'postgres' : 'embedded', instances, stop };
}
