import type { ReactNode } from 'react';
import { can } from '@/lib/auth/roles';
import { isEmbeddedDatabase, isSimulatedAws, requireUser } from '@/lib/auth/server';
import { AppShell } from '@/components/shell/app-shell';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell
      user={{ name: user.name, email: user.email, role: user.role }}
      isAdmin={can(user.actor, 'admin')}
      canInvoke={can(user.actor, 'models:invoke')}
      canReview={can(user.actor, 'feedback:review')}
      embeddedDb={isEmbeddedDatabase()}
      simulatedAws={isSimulatedAws()}
    >
      {children}
    </AppShell>
  );
}
