import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth/server';
import { hasUsers, needsSetup } from '@/lib/auth/users';
import { Alert } from '@/components/ui/alert';
import { safeNext } from '@/lib/client/safe-next';
import { db } from '@/lib/db/client';
import { LoginForm } from '@/components/auth/login-form';

// Reads the database on every request (first-run check); never prerender at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage(props: { searchParams: Promise<{ next?: string | string[] }> }) {
  if (await needsSetup(db())) redirect('/setup');
  const noUsers = !(await hasUsers(db()));
  const { next } = await props.searchParams;
  const nextPath = typeof next === 'string' ? next : undefined;
  if (await getSessionUser()) redirect(safeNext(nextPath));
  return (
    <>
      {noUsers ? (
        <Alert tone="warning" title="No user accounts yet">
          This instance was started with an API key only. Create users with <code>POST /api/v1/users</code> and that key, or restart with PROMPTDECK_INIT_ADMIN_EMAIL and PROMPTDECK_INIT_ADMIN_PASSWORD.
        </Alert>
      ) : null}
      <LoginForm next={nextPath} />
    </>
  );
}
