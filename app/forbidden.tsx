import type { Metadata } from 'next';
import { getSessionUser, requestedPath } from '@/lib/auth/server';
import { routeRule } from '@/lib/auth/route-access';
import { ConsoleShell } from '@/components/shell/console-shell';
import { Forbidden } from '@/components/shell/forbidden';

export const metadata: Metadata = { title: 'No access' };

/** What forbidden() renders (with HTTP 403): inside the console frame when signed in. */
export default async function ForbiddenPage() {
  const [user, path] = await Promise.all([getSessionUser(), requestedPath()]);
  const rule = routeRule(path);
  const body = <Forbidden what={rule?.what ?? 'open this page'} need={rule?.roles} role={user?.role} />;
  return user ? <ConsoleShell user={user}>{body}</ConsoleShell> : <main className="px-4 py-10">{body}</main>;
}
