import type { Metadata } from 'next';
import Link from 'next/link';
import { ChevronRight, LibraryBig, SearchX } from 'lucide-react';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { listPrompts, listTags } from '@/lib/catalog/prompts';
import { ListPromptsQuerySchema } from '@/lib/catalog/schemas';
import { CatalogFilters } from '@/components/catalog/catalog-filters';
import { catalogHref } from '@/components/catalog/catalog-href';
import { CreatePromptDialog } from '@/components/catalog/create-prompt-dialog';
import { ImportBedrockDialog } from '@/components/bedrock/import-dialog';
import { PromptsTable } from '@/components/catalog/prompts-table';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Prompts' };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function PromptsPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, ctx } = await pageContext();
  const sp = await props.searchParams;
  // Ignore malformed filters (e.g. a hand-edited tag) instead of failing the page.
  const archived = one(sp.archived) === 'include' || one(sp.archived) === 'only';
  const parsed = ListPromptsQuerySchema.safeParse({ q: one(sp.q), tag: one(sp.tag), cursor: one(sp.cursor), archived: archived ? 'include' : 'exclude', limit: 50 });
  const query = parsed.success ? parsed.data : ListPromptsQuerySchema.parse({ limit: 50 });
  const q = query.q?.trim() ?? '';
  const tags = query.tag ?? [];
  const current = { q: q || undefined, tags, archived };
  const [page, allTags] = await Promise.all([listPrompts(ctx, query), listTags(ctx)]);
  const filtered = Boolean(q || tags.length || archived);
  const canWrite = can(user.actor, 'catalog:write');
  const emptyCatalog = page.items.length === 0 && !filtered && !query.cursor;

  return (
    <>
      <PageHeader
        title="Prompts"
        description="Every prompt with its versions, labels and deploy history."
        actions={
          <>
            {can(user.actor, 'admin') ? <ImportBedrockDialog /> : null}
            {canWrite && !emptyCatalog ? <CreatePromptDialog /> : null}
          </>
        }
      />
      {emptyCatalog ? (
        <Card>
          <EmptyState
            icon={<LibraryBig />}
            title="No prompts yet"
            description={canWrite ? 'Create your first prompt, then add versions and point labels such as production at them.' : 'Nobody has created a prompt yet. Ask an editor to add one.'}
            action={canWrite ? <CreatePromptDialog /> : null}
          />
        </Card>
      ) : (
        <>
          <CatalogFilters query={current} tags={allTags} />
          <Card className="overflow-hidden">
            {page.items.length === 0 ? (
              <EmptyState
                icon={<SearchX />}
                title="No prompts match these filters"
                description={`Nothing matches${q ? ` “${q}”` : ''}${tags.length ? ` with tag${tags.length > 1 ? 's' : ''} ${tags.join(' + ')}` : ''}${archived ? '' : ' (archived prompts are hidden)'}.`}
                action={
                  <Button asChild>
                    <Link href="/prompts">Clear filters</Link>
                  </Button>
                }
              />
            ) : (
              <PromptsTable prompts={page.items} />
            )}
          </Card>
          {query.cursor || page.nextCursor ? (
            <nav aria-label="Pagination" className="mt-4 flex items-center justify-between">
              {query.cursor ? (
                <Button asChild size="sm" variant="ghost">
                  <Link href={catalogHref(current)}>First page</Link>
                </Button>
              ) : (
                <span />
              )}
              {page.nextCursor ? (
                <Button asChild size="sm">
                  <Link href={catalogHref(current, page.nextCursor)}>
                    Next page
                    <ChevronRight aria-hidden />
                  </Link>
                </Button>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
