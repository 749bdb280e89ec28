'use client';

import { useMutation } from '@tanstack/react-query';
import { Bird } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { api, errorMessage, type ApiError } from '@/lib/client/api';
import { GUARD_DEFAULTS } from '@/lib/canary/schemas';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';

type Guard = { minCalls: string; windowMinutes: string; errorPoints: string; thumbsPoints: string; latencyRatio: string };
const DEFAULT_GUARD: Guard = {
  minCalls: String(GUARD_DEFAULTS.minCalls),
  windowMinutes: String(GUARD_DEFAULTS.windowSeconds / 60),
  errorPoints: String(GUARD_DEFAULTS.maxErrorRateDelta * 100),
  thumbsPoints: String(GUARD_DEFAULTS.maxThumbsDownRateDelta * 100),
  latencyRatio: String(GUARD_DEFAULTS.maxLatencyP95Ratio),
};

/** Empty -> not checked (null). */
const num = (s: string, scale = 1) => (s.trim() === '' ? null : Number(s) / scale);

/** Start a canary on a label: which version, what share of callers, and the guard's thresholds. */
export function StartCanaryDialog({ prompt, label, current, latestVersion }: { prompt: string; label: string; current: number; latestVersion: number }) {
  const router = useRouter();
  const others = Array.from({ length: latestVersion }, (_, i) => latestVersion - i).filter((v) => v !== current);
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState(String(others[0] ?? ''));
  const [weight, setWeight] = useState(10);
  const [guard, setGuard] = useState<Guard>(DEFAULT_GUARD);
  const [failure, setFailure] = useState<string | null>(null);
  const start = useMutation<unknown, ApiError, void>({
    mutationFn: () =>
      api('PUT /api/v1/prompts/{name}/labels/{label}/canary', {
        params: { name: prompt, label },
        body: {
          version: Number(version),
          weight,
          expectedVersion: current,
          guard: {
            minCalls: Number(guard.minCalls),
            windowSeconds: Math.round(Number(guard.windowMinutes) * 60),
            maxErrorRateDelta: num(guard.errorPoints, 100),
            maxThumbsDownRateDelta: num(guard.thumbsPoints, 100),
            maxLatencyP95Ratio: num(guard.latencyRatio),
          },
        },
      }),
    onSuccess: () => {
      toast.success(`Canary started on ${label}`, { description: `v${version} for ${weight}% of callers.` });
      setOpen(false);
      router.refresh();
    },
    onError: (e) => setFailure(errorMessage(e)),
  });
  const set = (k: keyof Guard) => (e: React.ChangeEvent<HTMLInputElement>) => setGuard((g) => ({ ...g, [k]: e.target.value }));
  const id = (k: string) => `canary-${label}-${k}`;

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) setFailure(null);
      }}
      trigger={
        <Button size="sm" variant="ghost" disabled={others.length === 0} aria-label={`Start a canary on ${label}`} data-testid="canary-start-button">
          <Bird aria-hidden />
          Canary
        </Button>
      }
      title={`Canary on ${label}`}
      description={`Send a share of ${label}'s callers to another version (sticky per caller key). The guard ends it by itself when it does worse than v${current}.`}
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate();
        }}
      >
        {failure ? <Alert>{failure}</Alert> : null}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field id={id('version')} label="Canary version">
            <Select id={id('version')} value={version} onChange={(e) => setVersion(e.target.value)} data-testid="canary-version">
              {others.map((v) => (
                <option key={v} value={v}>
                  v{v}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={id('weight')} label={`Share of callers: ${weight}%`} hint="1-50%">
            <input
              id={id('weight')}
              type="range"
              min={1}
              max={50}
              step={1}
              value={weight}
              onChange={(e) => setWeight(Number(e.target.value))}
              className="mt-2 w-full accent-indigo-600"
              data-testid="canary-weight"
            />
          </Field>
        </div>
        <fieldset className="rounded-md border border-zinc-200 p-3 dark:border-zinc-700">
          <legend className="px-1 text-xs font-medium text-zinc-600 dark:text-zinc-300">Guard (leave a threshold empty to skip it)</legend>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            <Field id={id('min')} label="Min calls per side">
              <Input id={id('min')} type="number" min={1} required value={guard.minCalls} onChange={set('minCalls')} data-testid="canary-min-calls" />
            </Field>
            <Field id={id('window')} label="Window (min)">
              <Input id={id('window')} type="number" min={1} step="any" required value={guard.windowMinutes} onChange={set('windowMinutes')} />
            </Field>
            <Field id={id('err')} label="Error rate +pts">
              <Input id={id('err')} type="number" min={0} max={100} step="any" value={guard.errorPoints} onChange={set('errorPoints')} />
            </Field>
            <Field id={id('down')} label="Thumbs-down +pts">
              <Input id={id('down')} type="number" min={0} max={100} step="any" value={guard.thumbsPoints} onChange={set('thumbsPoints')} />
            </Field>
            <Field id={id('lat')} label="p95 latency ×">
              <Input id={id('lat')} type="number" min={1} max={100} step="any" value={guard.latencyRatio} onChange={set('latencyRatio')} />
            </Field>
          </div>
        </fieldset>
        <div className="flex justify-end gap-2">
          <Button type="button" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={start.isPending} data-testid="canary-submit">
            Start canary
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
