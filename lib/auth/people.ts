import type { ServiceContext } from '../context';
import { requirePermission } from './roles';

/** A user as the console shows them next to what they did: current name, email on hover. */
export interface Person {
  name: string;
  email: string;
}

export type People = Record<string, Person>;

/** More users than this are not sent to every page; actors beyond it show their display snapshot. */
export const DIRECTORY_LIMIT = 5000;

/**
 * The users of the instance by id, for showing typed actor references (lib/auth/actor-ref.ts)
 * with the person's current name and their email on hover. Any signed-in role may read it.
 */
export async function peopleDirectory(ctx: ServiceContext): Promise<People> {
  requirePermission(ctx.actor, 'catalog:read');
  const rows = await ctx.db.user.findMany({ select: { id: true, name: true, email: true }, orderBy: { createdAt: 'asc' }, take: DIRECTORY_LIMIT });
  return Object.fromEntries(rows.map((u) => [u.id, { name: u.name, email: u.email }]));
}
