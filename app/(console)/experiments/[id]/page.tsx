import type { Metadata } from 'next';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { segment } from '@/lib/http/pages';
import { ExperimentView } from '@/components/experiments/experiment-view';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Experiment' };

export default async function ExperimentPage(props: Props) {
  const { user } = await pageContext();
  const id = segment((await props.params).id);
  return <ExperimentView id={id} canRun={can(user.actor, 'catalog:write')} />;
}
