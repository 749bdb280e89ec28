import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { PageHeader } from '@/components/ui/page-header';
import { CreateWebhookDialog } from '@/components/webhooks/create-webhook-dialog';
import { WebhookList } from '@/components/webhooks/webhook-list';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  const { user } = await pageContext();
  if (!can(user.actor, 'admin')) forbidden();
  return (
    <>
      <PageHeader title="Webhooks" description="Promptdeck POSTs signed events (label moves, deploy requests, canaries, experiments) to your endpoints, with retries." actions={<CreateWebhookDialog />} />
      <WebhookList />
    </>
  );
}
