import { expect, test } from '@playwright/test';
import { E2E_PORT } from '../playwright.config';
import { checkCanaryChange, checkDisabledUser, checkExperimentsExactlyOnce, checkJobsExactlyOnce, checkKeyRevocation, checkLabelMove, checkSignInLimiter, checkWebhooksExactlyOnce, PROPAGATION_BUDGET_MS } from './instances-checks';
import { startCluster, type Cluster } from './instances-cluster';

/**
 * Two production instances on one fresh database, sharing nothing but PostgreSQL: what one
 * instance changes, the other enforces within a second, and background jobs run exactly once.
 * Ports: E2E_INSTANCES_PORT and the next one (default E2E_PORT + 3, + 4).
 */
const FIRST = Number(process.env.E2E_INSTANCES_PORT ?? E2E_PORT + 3);

test.describe.serial('several instances on one database', () => {
  let cluster: Cluster;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    cluster = await startCluster({ ports: [FIRST, FIRST + 1] });
    console.log(`[instances] two instances on ${cluster.kind === 'postgres' ? 'the PostgreSQL server in TEST_DATABASE_URL' : 'an embedded PostgreSQL server'}`);
  });
  test.afterAll(async () => {
    test.setTimeout(120_000);
    await cluster?.stop();
  });

  test('a label move on A is served by B within a second', async () => {
    const ms = await checkLabelMove(cluster);
    console.log(`[instances] label move seen on B after ${Math.round(ms)} ms`);
    expect(ms).toBeLessThanOrEqual(PROPAGATION_BUDGET_MS);
  });

  test('a canary started, then stopped, on A is served (sticky) by B within a second', async () => {
    const { startMs, stopMs } = await checkCanaryChange(cluster);
    console.log(`[instances] canary start seen on B after ${Math.round(startMs)} ms, stop after ${Math.round(stopMs)} ms`);
  });

  test('an API key revoked on A is refused by B within a second', async () => {
    const ms = await checkKeyRevocation(cluster);
    console.log(`[instances] revoked key refused on B after ${Math.round(ms)} ms`);
  });

  test('a user disabled on A loses the session on B', async () => {
    const ms = await checkDisabledUser(cluster);
    console.log(`[instances] disabled user refused on B after ${Math.round(ms)} ms`);
  });

  test('the sign-in limiter counts attempts made on both instances', async () => {
    await checkSignInLimiter(cluster);
  });

  test('jobs are worked exactly once across both instances', async () => {
    test.setTimeout(120_000);
    const { perInstance } = await checkJobsExactlyOnce(cluster);
    console.log(`[instances] 40 jobs, runs per instance: ${JSON.stringify(perInstance)}`);
  });

  test('webhooks are delivered exactly once across both instances, signed, retried once when refused', async () => {
    test.setTimeout(120_000);
    const { deliveries, retried } = await checkWebhooksExactlyOnce(cluster);
    console.log(`[instances] ${deliveries} webhook deliveries from both instances, each delivered once (${retried} after one refused attempt)`);
  });

  test('experiments started on A and B are worked exactly once', async () => {
    test.setTimeout(150_000);
    const { experiments, calls } = await checkExperimentsExactlyOnce(cluster);
    console.log(`[instances] ${experiments} experiments, ${calls} model calls, each example once`);
  });
});
