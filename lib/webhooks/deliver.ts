import http from 'node:http';
import https from 'node:https';
import { z } from 'zod';
import { db as processDb, type Db } from '../db/client';
import { env } from '../env';
import { defineJob } from '../jobs/types';
import { decryptSecret, signBody } from './secrets';
import { checkUrlShape, guardedLookup } from './ssrf';

/**
 * Delivering one outbox row (WebhookDelivery): one attempt per job run. The attempt and the
 * decision about the next one are written in one transaction together with the follow-up job
 * (sent with startAfter = base * 2^(attempt-1)), so a crash between attempts loses nothing and
 * never doubles an attempt. A 2xx answer is success; anything else (other status, redirect,
 * timeout, refused address) is a failed attempt.
 */
export const WEBHOOK_JOB = 'webhook.deliver';

export interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

/** POSTs the body once; never follows redirects; resolves (never rejects) with the outcome. */
export function postOnce(url: string, body: string, headers: Record<string, string>, opts: { timeoutMs: number; allowPrivate: boolean }): Promise<AttemptOutcome> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): AttemptOutcome => ({ statusCode, error, durationMs: Math.round(performance.now() - started) });
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = checkUrlShape(url, opts.allowPrivate);
    } catch (err) {
      resolve(done(null, (err as Error).message));
      return;
    }
    const mod = target.protocol === 'https:' ? https : http;
    const payload = Buffer.from(body, 'utf8');
    let settled = false;
    const finish = (o: AttemptOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(o);
    };
    const req = mod.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(payload.length), 'user-agent': 'Promptdeck-Webhooks/1' },
        lookup: guardedLookup(opts.allowPrivate) as never,
        agent: false,
      },
      (res) => {
        const code = res.statusCode ?? 0;
        let seen = 0;
        res.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > MAX_RESPONSE_BYTES) res.destroy();
        });
        const ok = code >= 200 && code < 300;
        const error = ok ? null : code >= 300 && code < 400 ? `Redirect (${code}) not followed.` : `HTTP ${code}`;
        res.on('end', () => finish(done(code, error)));
        res.on('close', () => finish(done(code, error)));
        res.on('error', () => finish(done(code, error)));
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`No answer within ${opts.timeoutMs} ms.`));
    }, opts.timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => finish(done(null, err.message || err.code || 'Request failed.')));
    req.end(payload);
  });
}

/** Seconds before attempt `next` (2, 3, ...): base, 2 base, 4 base ... */
export function retryDelayMs(next: number, baseMs: number): number {
  return baseMs * 2 ** (next - 2);
}

/** Makes the next attempt of a delivery, if it is still pending. */
export async function attemptDelivery(db: Db, deliveryId: string): Promise<'succeeded' | 'retry' | 'failed' | 'skipped'> {
  const d = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { webhook: true } });
  if (!d || d.status !== 'pending') return 'skipped';
  const e = env();
  const allowPrivate = e.PROMPTDECK_WEBHOOK_ALLOW_PRIVATE === 'true';
  const attempt = d.attempts + 1;
  let outcome: AttemptOutcome;
  try {
    const secret = await decryptSecret(db, d.webhook.secretCiphertext);
    const headers = { 'x-promptdeck-signature': signBody(secret, d.body), 'x-promptdeck-event': d.event, 'x-promptdeck-delivery': d.id };
    outcome = await postOnce(d.webhook.url, d.body, headers, { timeoutMs: e.PROMPTDECK_WEBHOOK_TIMEOUT_MS, allowPrivate });
  } catch (err) {
    outcome = { statusCode: null, error: (err as Error).message, durationMs: 0 };
  }
  const ok = outcome.error === null;
  const more = !ok && attempt < e.PROMPTDECK_WEBHOOK_MAX_ATTEMPTS;
  const delayMs = more ? retryDelayMs(attempt + 1, e.PROMPTDECK_WEBHOOK_RETRY_BASE_MS) : 0;
  const status = ok ? 'succeeded' : more ? 'pending' : 'failed';
  const { jobQueue } = await import('../jobs/index');
  try {
    await db.$transaction(async (tx) => {
      // The unique (deliveryId, attempt) and the attempts guard make a duplicate run a no-op.
      const claimed = await tx.webhookDelivery.updateMany({
        where: { id: d.id, status: 'pending', attempts: d.attempts },
        data: { attempts: attempt, status, lastStatusCode: outcome.statusCode, nextAttemptAt: more ? new Date(Date.now() + delayMs) : null },
      });
      if (claimed.count === 0) throw new Skip();
      await tx.webhookAttempt.create({ data: { deliveryId: d.id, attempt, statusCode: outcome.statusCode, error: outcome.error?.slice(0, 1000) ?? null, durationMs: outcome.durationMs } });
      if (more) await (await jobQueue()).send(deliverWebhookJob, { deliveryId: d.id }, { tx, startAfterSeconds: delayMs / 1000 });
    });
  } catch (err) {
    if (err instanceof Skip) return 'skipped';
    throw err;
  }
  return ok ? 'succeeded' : more ? 'retry' : 'failed';
}

class Skip extends Error {}

export const deliverWebhookJob = defineJob({
  name: WEBHOOK_JOB,
  schema: z.object({ deliveryId: z.string() }),
  // Retries are scheduled by attemptDelivery itself; pg-boss retries only a run whose instance died.
  policy: { retryLimit: 2, retryDelaySeconds: 5, expireInSeconds: 120, concurrency: 4 },
  handler: async ({ data }) => attemptDelivery(processDb(), data.deliveryId),
});
