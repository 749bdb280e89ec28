import type { ReactNode } from 'react';
import { peopleDirectory } from '@/lib/auth/people';
import { can } from '@/lib/auth/roles';
import { isEmbeddedDatabase, isSimulatedAws } from '@/lib/auth/server';
import type { SessionUser } from '@/lib/auth/sessions';
import { db } from '@/lib/db/client';
import { AppShell } from './app-shell';
import { PeopleProvider } from './people';

/** The console's frame (sidebar, header) for a signed-in user, with the people directory for actor names. */
export async function ConsoleShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const people = await peopleDirectory({ db: db(), actor: user.actor });
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
