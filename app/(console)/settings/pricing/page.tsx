import type { Metadata } from 'next';
import { Pencil, Plus } from 'lucide-react';
import { BUILT_IN_PRICES, listPrices } from '@/lib/aws/pricing';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { shortModelName } from '@/lib/client/models';
import { ActorName } from '@/components/ui/actor-name';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { PriceDialog } from '@/components/pricing/price-dialog';
import { ResetPriceDialog } from '@/components/pricing/reset-price-dialog';

export const metadata: Metadata = { title: 'Pricing' };

const usd = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 5 })}`;

/** A prompt-cache price; none means those tokens are costed as input tokens. */
function CachePrice({ usd: n }: { usd: number | null }) {
  if (n === null) return <span className="font-sans text-xs text-zinc-500 dark:text-zinc-400">as input</span>;
  return <>{usd(n)}</>;
}

/** Model prices behind the costs in Logs: readable by everyone, editable by admins. */
export default async function PricingPage() {
  const { user, ctx } = await pageContext();
  const isAdmin = can(user.actor, 'admin');
  const { asOf, items } = await listPrices(ctx);
  return (
    <>
      <PageHeader
        title="Pricing"
        description="On-demand prices per 1 million tokens used to cost every invocation, prompt-cache reads and writes included. Inference profiles (us., eu., apac., …) are priced as their base model."
        meta={
          <>
            <span>Built-in prices as of {asOf} (US East, N. Virginia); they differ by region and change over time.</span>
            <span>Models without a price have no cost (shown as “no price”), never $0.</span>
          </>
        }
        actions={
          isAdmin ? (
            <PriceDialog
              price={null}
              prices={items}
              trigger={
                <Button variant="primary">
                  <Plus aria-hidden />
                  Add a price
                </Button>
              }
            />
          ) : null
        }
      />
      {isAdmin ? null : (
        <Alert tone="info" className="mb-4">
          Only administrators can change prices.
        </Alert>
      )}
      <Card className="overflow-hidden">
        <Table aria-label="Model prices">
          <THead>
            <tr>
              <Th>Model</Th>
              <Th className="text-right">Input $ / 1M</Th>
              <Th className="text-right">Output $ / 1M</Th>
              <Th className="text-right">Cache read $ / 1M</Th>
              <Th className="text-right">Cache write $ / 1M</Th>
              <Th>Source</Th>
              {isAdmin ? (
                <Th className="text-right">
                  <span className="sr-only">Actions</span>
                </Th>
              ) : null}
            </tr>
          </THead>
          <TBody>
            {items.map((p) => (
              <Tr key={p.modelId} data-testid="price-row" data-model-id={p.modelId} data-source={p.source}>
                <Td>
                  <p className="font-medium text-zinc-900 dark:text-zinc-100" data-testid="price-model-name">
                    {shortModelName(p.modelId)}
                  </p>
                  <p className="font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">{p.modelId}</p>
                </Td>
                <Td className="text-right font-mono text-[13px] tabular-nums">{usd(p.inputPerMTokUsd)}</Td>
                <Td className="text-right font-mono text-[13px] tabular-nums">{usd(p.outputPerMTokUsd)}</Td>
                <Td className="text-right font-mono text-[13px] tabular-nums" data-testid="price-cache-read">
                  <CachePrice usd={p.cacheReadPerMTokUsd} />
                </Td>
                <Td className="text-right font-mono text-[13px] tabular-nums" data-testid="price-cache-write">
                  <CachePrice usd={p.cacheWritePerMTokUsd} />
                </Td>
                <Td>
                  {p.source === 'admin' ? (
                    <span className="inline-flex flex-wrap items-center gap-1.5 text-xs">
                      <Badge tone="indigo">custom</Badge>
                      {p.updatedBy ? <ActorName display={p.updatedBy} actorRef={p.updatedByRef} /> : null}
                    </span>
                  ) : (
                    <Badge tone="subtle">built-in</Badge>
                  )}
                </Td>
                {isAdmin ? (
                  <Td>
                    <div className="flex items-center justify-end gap-1">
                      <PriceDialog
                        price={p}
                        trigger={
                          <Button size="sm" variant="ghost" aria-label={`Edit the price of ${p.modelId}`}>
                            <Pencil aria-hidden />
                            Edit
                          </Button>
                        }
                      />
                      {p.source === 'admin' ? <ResetPriceDialog price={p} builtIn={p.modelId in BUILT_IN_PRICES} /> : null}
                    </div>
                  </Td>
                ) : null}
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>
    </>
  );
}
