import { ShieldCheck } from 'lucide-react';
import type { LabelPolicyDto } from '@/lib/releases/responses';

/** "Protected · 2 approvals · gate golden ≥ 80%" under a label in the labels panel. */
export function PolicySummary({ policy }: { policy: LabelPolicyDto | undefined }) {
  if (!policy?.protected && !policy?.gate) return null;
  return (
    <p className="mt-1 flex flex-wrap items-center gap-x-1.5 text-xs text-emerald-700 dark:text-emerald-400" data-testid="policy-summary">
      {policy.protected ? (
        <>
          <ShieldCheck className="size-3.5" aria-hidden />
          <span>
            Protected · {policy.approvals} approval{policy.approvals === 1 ? '' : 's'}
          </span>
        </>
      ) : null}
      {policy.gate ? (
        <span>
          {policy.protected ? '· ' : ''}gate {policy.gate.dataset} ≥ {Math.round(policy.gate.minPassRate * 100)}%
        </span>
      ) : null}
    </p>
  );
}
