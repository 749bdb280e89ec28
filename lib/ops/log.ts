import { randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { env } from '../env';

/**
 * Structured JSON logs (pino), one object per line on stdout: `level`, `time`, `msg`, and
 * `reqId` for anything about a request. One logger per process (on globalThis, shared with
 * Next's bundled route modules).
 */
const g = globalThis as unknown as { __promptdeckLogger?: Logger };

export function logger(): Logger {
  return (g.__promptdeckLogger ??= pino({
    level: env().PROMPTDECK_LOG_LEVEL,
    base: { pid: process.pid, service: 'promptdeck' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  }));
}

/** Request ids: what a client or load balancer sends in X-Request-Id, if it looks like an id. */
export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/**
 * New ids are this process's random prefix and a counter: unique across instances and restarts
 * (96 random bits per process), and far cheaper than a UUID per request on the serving hot path.
 */
const ids = ((globalThis as unknown as { __promptdeckRequestIds?: { prefix: string; n: number } }).__promptdeckRequestIds ??= { prefix: randomBytes(12).toString('hex'), n: 0 });

/** The request's id: the incoming X-Request-Id when it is a plain token (<= 128 chars), else a new one. */
export function requestIdFrom(incoming: string | string[] | undefined | null): string {
  const v = Array.isArray(incoming) ? incoming[0] : incoming;
  return v && SAFE_ID.test(v) ? v : `${ids.prefix}-${(++ids.n).toString(36)}`;
}
