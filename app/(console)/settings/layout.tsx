import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/server';

/**
 * Each settings page checks its own permission: users and API keys are admin-only (403 page),
 * pricing is readable by everyone and editable by admins.
 */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requireUser();
  return children;
}
