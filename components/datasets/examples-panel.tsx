'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { ChevronLeft, ChevronRight, FileQuestion, Pencil, Trash2 } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import type { ExampleDto } from '@/lib/datasets/responses';
import { api } from '@/lib/client/api';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmCancel, ConfirmDialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { ExampleDialog } from './example-dialog';

export const PAGE_SIZE = 25;
export const examplesKey = (dataset: string) => ['dataset-examples', dataset] as const;
const pre = 'max-h-40 overflow-auto rounded-md bg-zinc-50 px-2.5 py-2 font-mono text-xs leading-relaxed whitespace-pre-wrap break-words text-zinc-800 dark:bg-zinc-950/50 dark:text-zinc-200';

/** The examples of a dataset, a page at a time, with edit and delete (reviewers). */
export function ExamplesPanel({ dataset, canWrite, total, revision }: { dataset: string; canWrite: boolean; total: number; revision: number }) {
  const router = useRouter();
  // Cursors of the pages before the current one (the first page has none).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const page = useQuery({
    queryKey: [...examplesKey(dataset), revision, cursor ?? ''],
    queryFn: () => api('GET /api/v1/datasets/{dataset}/examples', { params: { dataset }, query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } }),
    placeholderData: keepPreviousData,
  });
  const [editing, setEditing] = useState<ExampleDto | null>(null);
  const [deleting, setDeleting] = useState<ExampleDto | null>(null);
  const changed = () => {
    void page.refetch();
    router.refresh();
  };
  const remove = useMutation({
    mutationFn: (e: ExampleDto) => api('DELETE /api/v1/datasets/{dataset}/examples/{id}', { params: { dataset, id: e.id } }),
    onSuccess: (r) => {
      toast.success(`Example deleted (revision ${r.revision})`);
      setDeleting(null);
      changed();
    },
    onError: (e) => toast.error(e.message),
  });

  const items = page.data?.items ?? [];
  const index = (cursors.length - 1) * PAGE_SIZE;
  return (
    <Card className="overflow-hidden">
      {page.isError ? (
        <Alert className="m-4" action={<Button size="sm" onClick={() => void page.refetch()}>Retry</Button>}>
          The examples could not be loaded: {page.error.message}
        </Alert>
      ) : page.isPending ? (
        <div className="space-y-2 p-4" role="status" aria-label="Loading examples">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-14 w-full" />
          ))}
        </div>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<FileQuestion />}
          title="No examples yet"
          description={canWrite ? 'Add one, import a JSON Lines or CSV file, or add calls from the Logs page or the review queue.' : 'Reviewers add examples by hand, by import, or from logged calls.'}
        />
      ) : (
        <Table aria-label="Examples" data-testid="examples-table">
          <THead>
            <tr>
              <Th className="w-10 text-right">#</Th>
              <Th className="w-2/5">Variables</Th>
              <Th className="w-2/5">Expected output</Th>
              <Th>Tags · source</Th>
              {canWrite ? <Th className="text-right">Actions</Th> : null}
            </tr>
          </THead>
          <TBody>
            {items.map((e, i) => (
              <Tr key={e.id} data-testid="dataset-example" data-id={e.id} data-invocation-id={e.invocationId ?? ''}>
                <Td className="text-right align-top font-mono text-xs text-zinc-500 tabular-nums">{index + i + 1}</Td>
                <Td className="max-w-0 align-top">
                  <pre className={pre}>{JSON.stringify(e.variables, null, 2)}</pre>
                </Td>
                <Td className="max-w-0 align-top">
                  {e.expectedOutput ? <pre className={pre} data-testid="example-expected">{e.expectedOutput}</pre> : <span className="text-xs text-zinc-400 italic">none</span>}
                </Td>
                <Td className="align-top text-xs">
                  <div className="flex flex-wrap gap-1">
                    {e.tags.map((t) => (
                      <Badge key={t} tone="indigo">
                        {t}
                      </Badge>
                    ))}
                  </div>
                  {e.promptName ? (
                    <div className="mt-1 font-mono text-zinc-600 dark:text-zinc-400">
                      {e.promptName}
                      {e.promptVersion ? `@v${e.promptVersion}` : ''}
                    </div>
                  ) : null}
                  {e.invocationId ? (
                    <Link href={`/logs/${e.invocationId}`} className="mt-1 block text-indigo-600 hover:underline dark:text-indigo-400" data-testid="example-invocation-link">
                      Source invocation
                    </Link>
                  ) : null}
                </Td>
                {canWrite ? (
                  <Td className="text-right align-top whitespace-nowrap">
                    <Button size="icon" variant="ghost" aria-label={`Edit example ${index + i + 1}`} data-testid="example-edit" onClick={() => setEditing(e)}>
                      <Pencil aria-hidden />
                    </Button>
                    <Button size="icon" variant="ghost" aria-label={`Delete example ${index + i + 1}`} data-testid="example-delete" onClick={() => setDeleting(e)}>
                      <Trash2 aria-hidden />
                    </Button>
                  </Td>
                ) : null}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {cursors.length > 1 || page.data?.nextCursor ? (
        <nav aria-label="Pages of examples" className="flex items-center justify-between border-t border-zinc-200 px-4 py-2.5 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          <Button size="sm" variant="ghost" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            <ChevronLeft aria-hidden />
            Previous
          </Button>
          <span data-testid="examples-range">
            {index + 1}–{index + items.length} of {total}
          </span>
          <Button size="sm" variant="ghost" disabled={!page.data?.nextCursor} onClick={() => page.data?.nextCursor && setCursors((c) => [...c, page.data.nextCursor ?? undefined])}>
            Next
            <ChevronRight aria-hidden />
          </Button>
        </nav>
      ) : null}
      {editing ? <ExampleDialog key={editing.id} dataset={dataset} example={editing} open onOpenChange={(o) => !o && setEditing(null)} onSaved={changed} /> : null}
      <ConfirmDialog open={deleting !== null} onOpenChange={(o) => !o && setDeleting(null)} title="Delete this example?" description="Experiments already run keep their results; the dataset's revision goes up by one.">
        <div className="flex justify-end gap-2">
          <ConfirmCancel asChild>
            <Button>Cancel</Button>
          </ConfirmCancel>
          <Button variant="danger" loading={remove.isPending} data-testid="example-delete-confirm" onClick={() => deleting && remove.mutate(deleting)}>
            Delete example
          </Button>
        </div>
      </ConfirmDialog>
    </Card>
  );
}
