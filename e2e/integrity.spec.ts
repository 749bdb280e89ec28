import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { removeEmbeddedData } from '../lib/db/embedded/remove';
import { E2E_PORT } from '../playwright.config';
import { uniquePromptName } from './helpers';
import { alive, postmastersOn, processTree, startLauncher, waitGone, waitPortClosed, waitUntilServing, type Launcher } from './launcher';
import { Ledger, burst, verifyLedger } from './integrity-burst';

/**
 * Acknowledged writes survive a kill -9. The spec runs its own Promptdeck (the launcher, as
 * `npm start` does) on E2E_PORT + 1 (or E2E_CRASH_PORT) with its own embedded database, bursts concurrent writes at
 * it (ingestion batches, version creates, label moves with expectedVersion), kills it with
 * SIGKILL once enough writes were acknowledged (a count, not a time), starts it again on the
 * same data and checks that every acknowledged write is there and nothing is half-written.
 * First the launcher and its whole process tree (web server, PostgreSQL) are killed; then the
 * launcher alone, leaving an orphaned PostgreSQL that the next start must stop cleanly.
 */
const PORT = Number(process.env.E2E_CRASH_PORT ?? E2E_PORT + 1);
const BASE = `http://127.0.0.1:${PORT}`;
const DATA_DIR = path.resolve('.data-e2e-crash');
const KEY = 'pd_e2e_crash_admin_key_0123456789abcdef';

test.describe.serial('integrity of the embedded database under kill -9', () => {
  let app: Launcher;
  let lastStartMs = 0;
  const ledger = new Ledger(BASE, KEY, {
    ingest: uniquePromptName('crash-ingest'),
    versions: uniquePromptName('crash-versions'),
    label: uniquePromptName('crash-label'),
  });

  const launch = async () => {
    await waitPortClosed(PORT, 1_000).catch(() => {
      throw new Error(`port ${PORT} is taken by another program: set E2E_CRASH_PORT to a free port`);
    });
    const started = Date.now();
    app = startLauncher({ port: PORT, dataDir: DATA_DIR, apiKey: KEY });
    await waitUntilServing(BASE, app);
    lastStartMs = Date.now() - started;
    return app;
  };

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    await removeEmbeddedData(DATA_DIR);
    await launch();
    await ledger.setUp();
  });

  test.afterAll(async () => {
    if (app && alive(app.pid)) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    await removeEmbeddedData(DATA_DIR); // also stops a server an interrupted test left running
  });

  test('kill -9 of the launcher and its whole process tree mid-burst: every acknowledged write is there after a restart', async () => {
    test.setTimeout(120_000);
    const tree = processTree(app.pid);
    const [postmaster] = postmastersOn(DATA_DIR);
    expect(tree).toContain(postmaster); // the database is in the launcher's tree
    const round = await burst(ledger, 'tree', () => {
      const now = processTree(app.pid);
      for (const pid of now) process.kill(pid, 'SIGKILL');
    });
    await waitGone(tree);
    expect(existsSync(path.join(DATA_DIR, 'postgres', 'postmaster.pid'))).toBe(true); // not shut down: killed
    await waitPortClosed(PORT);

    await launch();
    const report = await verifyLedger(ledger);
    console.log(`[integrity] kill -9 of the whole tree: ${round.describe()}; verified after a restart (serving in ${lastStartMs} ms): ${report}`);
    expect(postmastersOn(DATA_DIR)).toHaveLength(1);
  });

  test('kill -9 of the launcher alone mid-burst: the orphaned server is stopped cleanly and nothing acknowledged is lost', async () => {
    test.setTimeout(120_000);
    const launcher = app.pid;
    const [oldPostmaster] = postmastersOn(DATA_DIR);
    const web = processTree(launcher).filter((p) => p !== launcher && p !== oldPostmaster && !processTree(oldPostmaster!).includes(p));
    const round = await burst(ledger, 'launcher', () => process.kill(launcher, 'SIGKILL'));
    await waitGone([launcher, ...web]); // the web server leaves when its launcher is gone
    await waitPortClosed(PORT);
    expect(alive(oldPostmaster!)).toBe(true); // orphaned, still running on the data folder

    const restarted = await launch();
    expect(restarted.output()).toContain(`(pid ${oldPostmaster}) from an earlier run still runs`);
    expect(alive(oldPostmaster!)).toBe(false);
    expect(postmastersOn(DATA_DIR)).toHaveLength(1);
    const report = await verifyLedger(ledger);
    console.log(`[integrity] kill -9 of the launcher alone: ${round.describe()}; verified after a restart (serving in ${lastStartMs} ms): ${report}`);
  });

  test('SIGTERM stops the web server and then PostgreSQL cleanly', async () => {
    const [postmaster] = postmastersOn(DATA_DIR);
    app.child.kill('SIGTERM');
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(alive(postmaster!)).toBe(false);
    expect(existsSync(path.join(DATA_DIR, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(existsSync(path.join(DATA_DIR, 'promptdeck.pid'))).toBe(false);
  });
});
