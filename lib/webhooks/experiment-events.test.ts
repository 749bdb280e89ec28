import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitExperimentFinished } from '../experiments/runner/hooks';
import { createTestDb, type TestDb } from '../test/db';
import { publishExperimentWebhooks } from './experiment-events';

let t: TestDb;
let stop: () => void;
beforeAll(async () => {
  t = await createTestDb();
  stop = publishExperimentWebhooks(() => t.db);
});
afterAll(async () => {
  stop?.();
  await t?.close();
});

describe('experiment.finished webhooks', () => {
  it('publishes a finished experiment to the webhooks subscribed to it, and only to them', async () => {
    const on = await t.db.webhook.create({ data: { url: 'https://hooks.example.com/a', events: ['experiment.finished'], secretCiphertext: 'x', createdBy: 'test' } });
    const off = await t.db.webhook.create({ data: { url: 'https://hooks.example.com/b', events: ['label.moved'], secretCiphertext: 'x', createdBy: 'test' } });
    const finished = {
      experimentId: 'e-1', name: 'nightly', prompt: 'p', version: 3, datasetId: 'd-1', status: 'succeeded' as const,
      summary: null, suite: 'default', sweepId: null, finishedAt: new Date().toISOString(),
    };
    await emitExperimentFinished(finished);
    const rows = await t.db.webhookDelivery.findMany({ where: { webhookId: { in: [on.id, off.id] } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ webhookId: on.id, event: 'experiment.finished', status: 'pending' });
    expect(JSON.parse(rows[0]!.body)).toMatchObject({ event: 'experiment.finished', data: finished });
  });
});
