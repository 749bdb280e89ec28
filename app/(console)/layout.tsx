import type { ReactNode } from 'react';
import { peopleDirectory } from '@/lib/auth/people';
import { can } from '@/lib/auth/roles';
import { isEmbeddedDatabase, isSimulatedAws, pageContext } from '@/lib/auth/server';
import { AppShell } from '@/components/shell/app-shell';
import { PeopleProvider } from '@/components/shell/people';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { user, ctx } = await pageContext();
  const people = await peopleDirectory(ctx);
  return (
    <AppShell
      user={{ name: user.name, email: user.email, role: user.role }}
      isAdmin={can(user.actor, 'admin')}
      canInvoke={can(user.actor, 'models:invoke')}
      canReview={can(user.actor, 'feedback:review')}
      embeddedDb={isEmbeddedDatabase()}
      simulatedAws={isSimulatedAws()}
    >
      <PeopleProvider people={people} me={{ type: 'user', id: user.id }}>
        {children}
      </PeopleProvider>
    </AppShell>
  );
}
