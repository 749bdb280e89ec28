import type { ReactNode } from 'react';
import { forbidden } from 'next/navigation';
import { deniedRule, requireUser } from '@/lib/auth/server';
import { ConsoleShell } from '@/components/shell/console-shell';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  // Here, before anything streams, a page the role may not open answers HTTP 403.
  if (await deniedRule(user)) forbidden();
  return <ConsoleShell user={user}>{children}</ConsoleShell>;
}
