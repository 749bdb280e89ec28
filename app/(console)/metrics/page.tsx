import type { Metadata } from 'next';
import { pageContext } from '@/lib/auth/server';
import { firstActivity } from '@/lib/metrics/activity';
import { listVersionModelIds } from '@/lib/metrics/models';
import { PageHeader } from '@/components/ui/page-header';
import { MetricsDashboard } from '@/components/metrics/metrics-dashboard';
import type { MetricsFilters } from '@/components/metrics/metrics-url';
import { can } from '@/lib/auth/roles';
import { LegacyModelsCard } from '@/components/models/legacy-models-card';
import { QuotaHeadroomCard } from '@/components/models/quota-headroom-card';

export const metadata: Metadata = { title: 'Metrics' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function MetricsPage(props: Props) {
  const { user, ctx } = await pageContext();
  const sp = await props.searchParams;
  const filters: MetricsFilters = { model: one(sp.model), range: one(sp.range), from: one(sp.from), to: one(sp.to) };
  const [models, first] = await Promise.all([listVersionModelIds(ctx), firstActivity(ctx)]);
  return (
    <>
      <PageHeader title="Metrics" description="Amazon Bedrock in CloudWatch (AWS/Bedrock): throughput, throttling, latency, tokens and errors, with every label move drawn on the charts." />
      <MetricsDashboard key={JSON.stringify(filters)} filters={filters} models={models} firstActivity={first?.toISOString() ?? null} />
      <div className="mt-6 space-y-6">
        <QuotaHeadroomCard canAdmin={can(user.actor, 'admin')} />
        <LegacyModelsCard />
      </div>
    </>
  );
}
