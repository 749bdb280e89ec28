'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Save } from 'lucide-react';
import { toast } from 'sonner';
import { api, errorMessage } from '@/lib/client/api';
import { shortModelName } from '@/lib/client/models';
import { Button } from '@/components/ui/button';
import type { Params } from '@/components/experiments/types';

const describe = (modelId: string, params: Params) =>
  [shortModelName(modelId), ...Object.entries(params).map(([k, v]) => `${k} ${Array.isArray(v) ? v.join('|') : String(v)}`)].join(', ');

/**
 * "Save as new version": the swept version's template with this cell's model and parameters
 * (the cell's parameters over the version's), through the versions API; then opens it.
 */
export function SaveCellButton({ prompt, version, modelId, params, sweepId }: { prompt: string; version: number; modelId: string; params: Params; sweepId: string }) {
  const router = useRouter();
  const m = useMutation({
    mutationFn: async () => {
      const base = await api('GET /api/v1/prompts/{name}/versions/{version}', { params: { name: prompt, version } });
      return api('POST /api/v1/prompts/{name}/versions', {
        params: { name: prompt },
        body: {
          template: base.template,
          modelId,
          params: { ...base.params, ...params },
          ...(base.guardrail ? { guardrail: base.guardrail } : {}),
          parentVersion: version,
          commitMessage: `From sweep ${sweepId.slice(0, 8)}: v${version} with ${describe(modelId, params)}`,
        },
      });
    },
    onSuccess: (v) => {
      if (v.created) toast.success(`Saved as version ${v.version}`);
      else toast.info(`Version ${v.version} already has these settings`);
      router.push(`/prompts/${encodeURIComponent(prompt)}/versions/${v.version}`);
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  return (
    <Button size="sm" onClick={() => m.mutate()} loading={m.isPending} aria-label={`Save ${describe(modelId, params)} as a new version`}>
      <Save aria-hidden />
      Save as version
    </Button>
  );
}
