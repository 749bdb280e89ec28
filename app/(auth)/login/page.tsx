import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth/server';
import { hasUsers } from '@/lib/auth/users';
import { db } from '@/lib/db/client';
import { LoginForm } from '@/components/auth/login-form';

// Reads the database on every request (first-run check); never prerender at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage(props: { searchParams: Promise<{ next?: string | string[] }> }) {
  if (!(await hasUsers(db()))) redirect('/setup');
  const { next } = await props.searchParams;
  const nextPath = typeof next === 'string' ? next : undefined;
  if (await getSessionUser()) redirect(nextPath && nextPath.startsWith('/') && !nextPath.startsWith('//') ? nextPath : '/prompts');
  return <LoginForm next={nextPath} />;
}
