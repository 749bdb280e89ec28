import type { ReactNode } from 'react';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/server';
import { Forbidden } from '@/components/shell/forbidden';

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  if (!can(user.actor, 'admin')) return <Forbidden what="manage users and API keys" need="admin" />;
  return children;
}
