import { notFound } from 'next/navigation';
import { AppError } from '../errors';

/** For server pages: a service's not_found becomes the route's 404 page; other errors propagate. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') notFound();
    throw err;
  }
}

/** A route segment as text (Next may hand it over still percent-encoded). */
export function segment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
