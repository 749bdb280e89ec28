import type { Metadata } from 'next';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { segment } from '@/lib/http/pages';
import { SweepView } from '@/components/sweeps/sweep-view';

export const metadata: Metadata = { title: 'Sweep' };

export default async function SweepPage(props: { params: Promise<{ id: string }> }) {
  const { user } = await pageContext();
  return <SweepView id={segment((await props.params).id)} canWrite={can(user.actor, 'catalog:write')} />;
}
