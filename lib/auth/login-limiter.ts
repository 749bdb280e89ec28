import type { Db } from '../db/client';
import { AppError } from '../errors';

/**
 * Slows password guessing, per account and per client address, in PostgreSQL so every instance
 * shares the counts. Each attempt is counted *before* the password is checked, in one atomic
 * upsert of both rows, so concurrent attempts (on one instance or many) can never check more
 * passwords than the limits allow. A success deletes the account's row and gives the address
 * back its one attempt; failures stay counted until their window ends. Nothing else clears a
 * row: a flood of attempts for other accounts cannot unlock one.
 */
export const WINDOW_MS = 15 * 60 * 1000;
/** Password checks per account per window. */
export const MAX_PER_ACCOUNT = 10;
/** Password checks per client address per window (offices share an address behind NAT). */
export const MAX_PER_ADDRESS = 50;
/** Expired rows deleted per attempt (the table never grows past the live windows for long). */
const SWEEP = 100;

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

type Row = { key: string; failures: number; windowStart: Date };

/**
 * Counts one sign-in attempt for this email and address; throws 429 `throttled` (changing
 * nothing else) when either is over its limit for the current window.
 */
export async function beginLoginAttempt(db: Db, email: string, address: string, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - WINDOW_MS);
  const account = accountKey(email);
  const client = addressKey(address);
  // Both rows in one statement, always in the same key order: atomic, and no lock-order deadlock.
  const rows = await db.$queryRaw<Row[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart")
    VALUES (${account}, 1, ${now}), (${client}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" <= ${cutoff} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" <= ${cutoff} THEN ${now} ELSE "LoginThrottle"."windowStart" END
    RETURNING "key", "failures", "windowStart"`;
  await db.$executeRaw`
    DELETE FROM "LoginThrottle" WHERE "key" IN (
      SELECT "key" FROM "LoginThrottle" WHERE "windowStart" <= ${cutoff} LIMIT ${SWEEP} FOR UPDATE SKIP LOCKED)`;
  for (const row of rows) {
    const isAccount = row.key === account;
    if (row.failures <= (isAccount ? MAX_PER_ACCOUNT : MAX_PER_ADDRESS)) continue;
    const minutes = Math.max(1, Math.ceil((row.windowStart.getTime() + WINDOW_MS - now.getTime()) / 60_000));
    throw new AppError(
      'throttled',
      isAccount
        ? `Too many failed sign-ins for this account. Try again in about ${minutes} minute(s).`
        : `Too many failed sign-ins from your network address. Try again in about ${minutes} minute(s).`,
      { retryAfterSeconds: minutes * 60 },
    );
  }
}

/** The attempt was right: the account starts afresh, and the address gets its attempt back. */
export async function loginSucceeded(db: Db, email: string, address: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "LoginThrottle" WHERE "key" = ${accountKey(email)}`;
  await db.$executeRaw`UPDATE "LoginThrottle" SET "failures" = "failures" - 1 WHERE "key" = ${addressKey(address)} AND "failures" > 0`;
}
