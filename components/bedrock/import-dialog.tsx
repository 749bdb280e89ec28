'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import Link from 'next/link';
import { useState } from 'react';
import { DownloadCloud } from 'lucide-react';
import { api, type ApiError, type ApiResult } from '@/lib/client/api';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';

type Result = ApiResult<'POST /api/v1/import/bedrock-prompts'>;

const REASONS: Record<Result['skipped'][number]['reason'], string> = {
  already_imported: 'already imported',
  name_taken: 'name taken',
  invalid_name: 'name not allowed',
  not_found: 'not found',
  not_convertible: 'cannot be converted',
  identical_to_previous: 'same as previous',
};

/** Admin: import prompts from Bedrock Prompt Management (pick some, or all), then see what happened. */
export function ImportBedrockDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const list = useQuery({ queryKey: ['bedrock-prompts'], queryFn: () => api('GET /api/v1/import/bedrock-prompts'), enabled: open, retry: false });
  const run = useMutation<Result, ApiError, string[] | undefined>({
    mutationFn: (ids) => api('POST /api/v1/import/bedrock-prompts', { body: ids ? { promptIds: ids } : {} }),
    onSuccess: (r) => {
      if (r.imported.length) router.refresh();
      void list.refetch();
      setPicked(new Set());
    },
  });
  const items = list.data?.items ?? [];
  const toggle = (id: string) =>
    setPicked((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const result = run.data;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          run.reset();
          setPicked(new Set());
        }
      }}
      title="Import from Bedrock"
      description="Prompts and their versions from Amazon Bedrock Prompt Management in this account and region. Importing again skips what is already here."
      className="max-w-xl"
      trigger={
        <Button>
          <DownloadCloud aria-hidden />
          Import from Bedrock
        </Button>
      }
    >
      {list.isLoading ? (
        <p className="text-sm text-zinc-500">Reading Bedrock prompts…</p>
      ) : list.isError ? (
        <Alert title="Could not list Bedrock prompts">{list.error.message}</Alert>
      ) : items.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">This account has no Bedrock prompts in this region.</p>
      ) : (
        <fieldset>
          <legend className="sr-only">Bedrock prompts</legend>
          <ul className="max-h-72 divide-y divide-zinc-100 overflow-y-auto rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" data-testid="bedrock-prompt-list">
            {items.map((p) => (
              <li key={p.id}>
                <label className="flex cursor-pointer items-start gap-3 px-3 py-2 hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                  <input type="checkbox" className="mt-1 size-4 accent-indigo-600" checked={picked.has(p.id)} onChange={() => toggle(p.id)} aria-label={`Import ${p.name}`} />
                  <span className="min-w-0 flex-1">
                    <span className="flex flex-wrap items-center gap-1.5">
                      <span className="font-mono text-sm break-all">{p.name}</span>
                      {p.imported ? <Badge tone="green">imported</Badge> : null}
                      {!p.promptdeckName ? <Badge tone="amber">name not allowed</Badge> : null}
                    </span>
                    {p.description ? <span className="block text-xs text-zinc-500 dark:text-zinc-400">{p.description}</span> : null}
                    <span className="block font-mono text-[11px] text-zinc-400">{p.id}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {run.error ? (
        <Alert className="mt-3" title="Import failed">
          {run.error.message}
        </Alert>
      ) : null}
      {result ? (
        <div className="mt-4 space-y-2 text-sm" role="status" data-testid="import-results">
          {result.imported.length === 0 && result.skipped.length === 0 ? <p>Nothing to import.</p> : null}
          {result.imported.map((i) => (
            <p key={i.name} data-testid="import-imported">
              Imported{' '}
              <Link href={`/prompts/${i.name}`} className="font-mono text-indigo-600 hover:underline dark:text-indigo-400">
                {i.name}
              </Link>{' '}
              ({i.versions.length === 1 ? `version ${i.versions[0]}` : `versions ${i.versions.join(', ')}`})
            </p>
          ))}
          {result.skipped.map((s, k) => (
            <p key={`${s.id}:${s.version ?? ''}:${k}`} className="text-zinc-600 dark:text-zinc-400" data-testid="import-skipped">
              <Badge tone="subtle">{REASONS[s.reason]}</Badge> <span className="font-mono text-xs">{s.id}{s.version ? ` v${s.version}` : ''}</span>: {s.message}
            </p>
          ))}
        </div>
      ) : null}
      <DialogFooter>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Close
        </Button>
        <Button type="button" disabled={run.isPending || items.length === 0} onClick={() => run.mutate(undefined)}>
          Import all
        </Button>
        <Button type="button" variant="primary" disabled={run.isPending || picked.size === 0} onClick={() => run.mutate([...picked])}>
          {run.isPending ? 'Importing…' : `Import selected${picked.size ? ` (${picked.size})` : ''}`}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
