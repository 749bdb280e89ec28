import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { sessionSecret } from '../auth/sessions';
import type { Db } from '../db/client';

/**
 * Webhook signing secrets: `whsec_` + 32 random bytes, shown once when the webhook is created
 * and stored encrypted with AES-256-GCM under a key derived (HKDF-SHA256) from the instance's
 * session secret, so a database dump alone does not reveal them.
 */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

async function key(db: Db): Promise<Buffer> {
  const secret = await sessionSecret(db);
  return Buffer.from(hkdfSync('sha256', secret, 'promptdeck', 'webhook-secret-v1', 32));
}

export async function encryptSecret(db: Db, plain: string): Promise<string> {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', await key(db), iv);
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

export async function decryptSecret(db: Db, stored: string): Promise<string> {
  const [v, iv, tag, ct] = stored.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('The webhook secret is stored in an unknown format.');
  try {
    const d = createDecipheriv('aes-256-gcm', await key(db), Buffer.from(iv, 'base64url'));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
  } catch {
    throw new Error('The webhook secret cannot be decrypted (was the session secret changed?). Delete the webhook and create it again.');
  }
}

/** `sha256=<hex HMAC-SHA256 of the raw body>`, the X-Promptdeck-Signature header. */
export const signBody = (secret: string, body: string): string => `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

/** How a receiver checks a delivery (constant-time). */
export function verifySignature(secret: string, body: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const want = Buffer.from(signBody(secret, body));
  const got = Buffer.from(header);
  return want.length === got.length && timingSafeEqual(want, got);
}
