import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { KeyRound } from 'lucide-react';
import { listApiKeys } from '@/lib/auth/api-keys';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { listPrompts } from '@/lib/catalog/prompts';
import { RoleBadge } from '@/components/shell/role-badge';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ActorName } from '@/components/ui/actor-name';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { CreateApiKeyDialog } from '@/components/settings/create-api-key-dialog';
import { RevokeKeyDialog } from '@/components/settings/revoke-key-dialog';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const { user, ctx } = await pageContext();
  if (!can(user.actor, 'admin')) forbidden(); // app/forbidden.tsx (a direct visit is refused by the console layout first)
  const [keys, sample] = await Promise.all([listApiKeys(ctx), listPrompts(ctx, { limit: 1 })]);
  return (
    <>
      <PageHeader title="API keys" description="Keys let applications and scripts call the Promptdeck API with a role." actions={<CreateApiKeyDialog examplePrompt={sample.items[0]?.name} />} />
      <Card className="overflow-hidden">
        {keys.length === 0 ? (
          <EmptyState icon={<KeyRound />} title="No API keys yet" description="Create one for each application that fetches prompts." />
        ) : (
          <Table aria-label="API keys">
            <THead>
              <tr>
                <Th>Name</Th>
                <Th>Key</Th>
                <Th>Role</Th>
                <Th>Created</Th>
                <Th>Last used</Th>
                <Th className="text-right">Status</Th>
              </tr>
            </THead>
            <TBody>
              {keys.map((k) => (
                <Tr key={k.id} data-testid="api-key-row" data-name={k.name} className={k.revokedAt ? 'opacity-60' : undefined}>
                  <Td className="font-medium text-zinc-900 dark:text-zinc-100">{k.name}</Td>
                  <Td>
                    <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">{k.prefix}…</code>
                  </Td>
                  <Td>
                    <RoleBadge role={k.role} />
                  </Td>
                  <Td className="text-xs text-zinc-600 dark:text-zinc-400">
                    <div className="text-zinc-700 dark:text-zinc-300">
                      <ActorName display={k.createdBy} actorRef={k.createdByRef} />
                    </div>
                    <RelativeTime iso={k.createdAt} />
                  </Td>
                  <Td className="text-xs text-zinc-600 dark:text-zinc-400">{k.lastUsedAt ? <RelativeTime iso={k.lastUsedAt} /> : <span className="text-zinc-400">never</span>}</Td>
                  <Td className="text-right">
                    {k.revokedAt ? (
                      <Badge tone="red">
                        Revoked <RelativeTime iso={k.revokedAt} />
                        {k.revokedBy ? (
                          <>
                            {' by '}
                            <ActorName display={k.revokedBy} actorRef={k.revokedByRef} />
                          </>
                        ) : null}
                      </Badge>
                    ) : (
                      <RevokeKeyDialog apiKey={k} />
                    )}
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
