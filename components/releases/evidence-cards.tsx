import Link from 'next/link';
import type { RunComparison } from '@/lib/releases/gate';
import type { GateEvidenceDto } from '@/lib/releases/responses';
import { Card, CardHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const usd = (x: number | null) => (x === null ? '—' : `$${x.toFixed(4)}`);
const ms = (x: number | null) => (x === null ? '—' : `${Math.round(x)} ms`);
const delta = (a: number | null, b: number | null, fmt: (n: number) => string) => (a === null || b === null ? '' : ` (${b - a >= 0 ? '+' : '−'}${fmt(Math.abs(b - a))})`);

export function GateCard({ gate }: { gate: GateEvidenceDto | null }) {
  return (
    <Card data-testid="gate-card">
      <CardHeader
        title="Gate"
        description={gate ? `A succeeded experiment of this version on ${gate.dataset} must pass ${pct(gate.minPassRate)} of examples.` : 'This label has no gate: approvals alone deploy it.'}
        actions={gate ? <Badge tone={gate.passed ? 'green' : 'amber'}>{gate.passed ? 'passed' : 'not met'}</Badge> : null}
      />
      {gate ? (
        <dl className="grid grid-cols-2 gap-3 px-4 pb-4 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-xs text-zinc-500">Dataset</dt>
            <dd className="font-mono">
              <Link href={`/datasets/${gate.dataset}`} className="hover:underline">
                {gate.dataset}
              </Link>
            </dd>
          </div>
          <div>
            <dt className="text-xs text-zinc-500">Pass rate</dt>
            <dd className="font-semibold">
              {pct(gate.passRate)} <span className="font-normal text-zinc-500">/ {pct(gate.minPassRate)} needed</span>
            </dd>
          </div>
          <div>
            <dt className="text-xs text-zinc-500">Experiment</dt>
            <dd className="truncate font-mono text-xs">{gate.experimentId ?? 'none yet: run one on this dataset'}</dd>
          </div>
        </dl>
      ) : null}
    </Card>
  );
}

export function ComparisonCard({ gate, comparison }: { gate: GateEvidenceDto | null; comparison: RunComparison | null }) {
  if (!gate) return null;
  return (
    <Card data-testid="comparison-card">
      <CardHeader title="Against the current version" description={`Both versions' latest succeeded runs on ${gate.dataset}.`} />
      {comparison ? (
        <dl className="grid grid-cols-2 gap-3 px-4 pb-4 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-xs text-zinc-500">Pass rate</dt>
            <dd>
              {pct(comparison.current.passRate)} → <span className="font-semibold">{pct(comparison.candidate.passRate)}</span>
            </dd>
          </div>
          <div>
            <dt className="text-xs text-zinc-500">Regressed / improved</dt>
            <dd>
              <span className="text-red-600">{comparison.regressed}</span> / <span className="text-emerald-600">{comparison.improved}</span>
              {comparison.mcnemarP !== null ? <span className="text-zinc-500"> · McNemar p={comparison.mcnemarP.toFixed(3)}</span> : null}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-zinc-500">Cost per 1,000 calls</dt>
            <dd>
              {usd(comparison.candidate.costPer1kUsd)}
              <span className="text-zinc-500">{delta(comparison.current.costPer1kUsd, comparison.candidate.costPer1kUsd, (n) => `$${n.toFixed(4)}`)}</span>
            </dd>
          </div>
          <div>
            <dt className="text-xs text-zinc-500">Latency p50 / p95</dt>
            <dd>
              {ms(comparison.candidate.latencyP50Ms)} / {ms(comparison.candidate.latencyP95Ms)}
              <span className="text-zinc-500">{delta(comparison.current.latencyP95Ms, comparison.candidate.latencyP95Ms, (n) => `${Math.round(n)} ms`)}</span>
            </dd>
          </div>
        </dl>
      ) : (
        <p className="px-4 pb-4 text-sm text-zinc-500 dark:text-zinc-400">No comparison yet: it needs a succeeded experiment of both versions on {gate.dataset}.</p>
      )}
    </Card>
  );
}
