import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { needsSetup } from '@/lib/auth/users';
import { db } from '@/lib/db/client';
import { SetupForm } from '@/components/auth/setup-form';

// Reads the database on every request (first-run check); never prerender at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'First-run setup' };

export default async function SetupPage() {
  if (!(await needsSetup(db()))) redirect('/login');
  return <SetupForm />;
}
