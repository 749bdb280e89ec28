'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { UploadCloud } from 'lucide-react';
import { toast } from 'sonner';
import { api, type ApiError, type ApiResult } from '@/lib/client/api';
import type { BedrockLink } from '@/lib/bedrock-catalog/responses';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { RelativeTime } from '@/components/ui/relative-time';
import { CopyValue } from './copy-value';

type Published = ApiResult<'POST /api/v1/prompts/{name}/versions/{version}/publish/bedrock'>;

/**
 * On a version page: Bedrock Prompt Management. Where the version came from (import) and the
 * prompt version ARN a publish recorded, with copy buttons; deployers can publish it.
 */
export function BedrockCard({ prompt, version, link, canPublish }: { prompt: string; version: number; link: BedrockLink | null; canPublish: boolean }) {
  const router = useRouter();
  const publish = useMutation<Published, ApiError>({
    mutationFn: () => api('POST /api/v1/prompts/{name}/versions/{version}/publish/bedrock', { params: { name: prompt, version }, body: {} }),
    onSuccess: (r) => {
      toast.success(r.created ? `Published as ${r.promptVersionArn}` : 'This version was already published');
      router.refresh();
    },
  });
  const published = link?.promptVersionArn ? { promptArn: link.promptArn ?? '', promptVersionArn: link.promptVersionArn, publishedAt: link.publishedAt } : publish.data;
  const notes = publish.data?.notes ?? [];
  return (
    <Card data-testid="bedrock-card">
      <CardHeader title="Bedrock Prompt Management" description="Applications that call a Bedrock prompt ARN can use this version." />
      {published ? (
        <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
          <CopyValue label="Prompt version ARN" value={published.promptVersionArn} testId="bedrock-version-arn" />
          <CopyValue label="Prompt ARN" value={published.promptArn} testId="bedrock-prompt-arn" />
          {published.publishedAt ? (
            <div className="px-4 py-2 text-xs text-zinc-500 dark:text-zinc-400">
              Published <RelativeTime iso={published.publishedAt} />
            </div>
          ) : null}
        </dl>
      ) : null}
      {link?.importedFrom ? (
        <dl className="border-t border-zinc-100 dark:border-zinc-800">
          <CopyValue label="Imported from" value={link.importedFrom} testId="bedrock-imported-from" />
        </dl>
      ) : null}
      <div className="space-y-2 px-4 py-3">
        {notes.map((n) => (
          <p key={n.code} className="text-xs text-zinc-500 dark:text-zinc-400">
            {n.message}
          </p>
        ))}
        {publish.error ? <Alert title="Not published">{publish.error.message}</Alert> : null}
        {!published && canPublish ? (
          <Button onClick={() => publish.mutate()} disabled={publish.isPending} className="w-full justify-center">
            <UploadCloud aria-hidden />
            {publish.isPending ? 'Publishing…' : 'Publish to Bedrock'}
          </Button>
        ) : null}
        {!published && !canPublish ? <p className="text-sm text-zinc-500 dark:text-zinc-400">Not published. Deployers can publish it as a Bedrock prompt version.</p> : null}
      </div>
    </Card>
  );
}
