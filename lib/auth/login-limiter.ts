import { AppError } from '../errors';

/**
 * Slows password guessing: at most MAX_FAILURES failed sign-ins per email within WINDOW_MS on
 * this instance; further attempts get 429 until the window passes. A success clears the count.
 */
const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60 * 1000;

const g = globalThis as unknown as { __promptdeckLoginFailures?: Map<string, number[]> };
const failures: Map<string, number[]> = (g.__promptdeckLoginFailures ??= new Map());

function recent(email: string, now: number): number[] {
  const list = (failures.get(email) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length) failures.set(email, list);
  else failures.delete(email);
  return list;
}

export function assertLoginAllowed(email: string, now = Date.now()): void {
  const list = recent(email, now);
  if (list.length >= MAX_FAILURES) {
    const retryIn = Math.ceil((WINDOW_MS - (now - (list[0] ?? now))) / 60_000);
    throw new AppError('throttled', `Too many failed sign-ins for this account. Try again in about ${retryIn} minute(s).`);
  }
}

export function recordLoginFailure(email: string, now = Date.now()): void {
  if (failures.size > 50_000) failures.clear();
  failures.set(email, [...recent(email, now), now]);
}

export function clearLoginFailures(email: string): void {
  failures.delete(email);
}
