import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { Users } from 'lucide-react';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { listUsers } from '@/lib/auth/users';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { CreateUserDialog } from '@/components/settings/create-user-dialog';
import { SetPasswordDialog } from '@/components/settings/set-password-dialog';
import { UserRoleSelect, UserStatusAction } from '@/components/settings/user-actions';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const { user, ctx } = await pageContext();
  // The settings layout already shows a 403 page; a page can render without it, so check again.
  if (!can(user.actor, 'admin')) forbidden(); // app/forbidden.tsx (a direct visit is refused by the console layout first)
  const users = await listUsers(ctx);
  return (
    <>
      <PageHeader title="Users" description="People who sign in to Promptdeck and what their role allows." actions={<CreateUserDialog />} />
      <Card className="overflow-hidden">
        {users.length === 0 ? (
          <EmptyState icon={<Users />} title="No users" />
        ) : (
          <Table aria-label="Users">
            <THead>
              <tr>
                <Th>User</Th>
                <Th>Role</Th>
                <Th>Last sign-in</Th>
                <Th>Status</Th>
                <Th className="text-right">
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </THead>
            <TBody>
              {users.map((u) => (
                <Tr key={u.id} data-testid="user-row" data-email={u.email}>
                  <Td>
                    <p className="font-medium text-zinc-900 dark:text-zinc-100">{u.name}</p>
                    <p className="text-xs text-zinc-500 dark:text-zinc-400">{u.email}</p>
                  </Td>
                  <Td>
                    <UserRoleSelect user={u} isSelf={u.id === user.id} />
                  </Td>
                  <Td className="text-zinc-600 dark:text-zinc-400">{u.lastLoginAt ? <RelativeTime iso={u.lastLoginAt} /> : <span className="text-zinc-400">never</span>}</Td>
                  <Td>{u.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}</Td>
                  <Td className="text-right">
                    <span className="inline-flex items-center gap-2">
                      <SetPasswordDialog user={u} />
                      <UserStatusAction user={u} isSelf={u.id === user.id} />
                    </span>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}
