import type { ReactNode } from 'react';
import { can } from '@/lib/auth/roles';
import { isEmbeddedDatabase, isSimulatedAws } from '@/lib/auth/server';
import type { SessionUser } from '@/lib/auth/sessions';
import { AppShell } from './app-shell';

/** The console's frame (sidebar, header) for a signed-in user. */
export function ConsoleShell({ user, children }: { user: SessionUser; children: ReactNode }) {
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
