'use client';

import { useQuery } from '@tanstack/react-query';
import { ExternalLink, GitPullRequestArrow } from 'lucide-react';
import Link from 'next/link';
import type { CanaryDto } from '@/lib/canary/responses';
import { api } from '@/lib/client/api';
import { Button } from '@/components/ui/button';
import { DeployDialog } from './deploy-dialog';

/**
 * The canary panel's way forward on a protected label: promoting would move the label without
 * approval (the API refuses it with approval_required), so the panel offers a deploy request for
 * the canary's version instead: a link to the one already open, else the deploy dialog set to
 * that label and version (which opens the request and goes to it).
 */
export function CanaryRequestDeploy({
  prompt,
  canary,
  approvals,
  labels,
  latestVersion,
  canMove,
}: {
  prompt: string;
  canary: CanaryDto;
  /** Approvals the label's policy needs. */
  approvals: number;
  labels: Record<string, number>;
  latestVersion: number;
  canMove: boolean;
}) {
  const label = canary.label;
  const open = useQuery({
    queryKey: ['deploy-requests', prompt, label, 'open'],
    queryFn: () => api('GET /api/v1/deploy-requests', { query: { prompt, label, status: 'open' } }),
  });
  const existing = open.data?.items.find((r) => r.toVersion === canary.version);
  return existing ? (
    <Button size="sm" variant="primary" asChild>
      <Link href={`/releases/${existing.id}`} data-testid="canary-request-open">
        <ExternalLink aria-hidden />
        Deploy request of v{canary.version} open
      </Link>
    </Button>
  ) : (
    <DeployDialog
      prompt={prompt}
      labels={labels}
      latestVersion={latestVersion}
      defaultLabel={label}
      defaultVersion={canary.version}
      protectedLabels={{ [label]: approvals }}
      canMove={canMove}
      trigger={
        <Button size="sm" variant="primary" data-testid="canary-request-deploy" disabled={open.isPending}>
          <GitPullRequestArrow aria-hidden />
          Request deploy of v{canary.version}
        </Button>
      }
    />
  );
}

/** Why the panel offers a deploy request instead of Promote. */
export function ProtectedCanaryHint({ label, version, approvals }: { label: string; version: number; approvals: number }) {
  return (
    <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400" data-testid="canary-protected-hint">
      {label} is protected: promoting v{version} needs {approvals} approval{approvals === 1 ? '' : 's'} from someone else, through a deploy request. The canary keeps running until it is approved; stopping stays one click.
    </p>
  );
}
