'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { Price } from '@/lib/aws/pricing';
import { shortModelName } from '@/lib/client/models';
import { priceKey } from '@/lib/aws/price-schemas';
import { api, isApiError, type ApiError } from '@/lib/client/api';
import { applyFieldIssues } from '@/lib/client/form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field, fieldAria } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { PRICE_FIELDS as FIELDS, priceFormDefaults, priceResolver as resolver, type PriceFormOut as Out, type PriceFormValues as Values } from './price-form';

const usd = (n: number) => `$${n.toLocaleString('en-US', { maximumFractionDigits: 5 })}`;
/** "input $x, output $y" plus the cache prices when there are any. */
const figures = (p: Pick<Out, 'inputPerMTokUsd' | 'outputPerMTokUsd' | 'cacheReadPerMTokUsd' | 'cacheWritePerMTokUsd'>) =>
  [
    `${usd(p.inputPerMTokUsd)} input`,
    `${usd(p.outputPerMTokUsd)} output`,
    ...(p.cacheReadPerMTokUsd != null ? [`${usd(p.cacheReadPerMTokUsd)} cache read`] : []),
    ...(p.cacheWritePerMTokUsd != null ? [`${usd(p.cacheWritePerMTokUsd)} cache write`] : []),
  ].join(', ');

/** The price an id already has: its own, or (for an inference profile or ARN) its base model's. */
export function existingPrice(prices: Price[], modelId: string): Price | null {
  const id = modelId.trim();
  return prices.find((p) => p.modelId === id) ?? prices.find((p) => p.modelId === priceKey(id)) ?? null;
}

/**
 * Set (or add) the price of one model, in US dollars per 1M tokens. Adding a price for a model
 * that already has one (built-in, or its base model's) asks first: it would replace it.
 */
export function PriceDialog({ price, trigger, prices = [] }: { price: Price | null; trigger: ReactNode; prices?: Price[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState<{ values: Out; current: Price } | null>(null);
  const defaults: Values = priceFormDefaults(price);
  const form = useForm<Values, unknown, Out>({ resolver, defaultValues: defaults });
  const { errors } = form.formState;
  const save = useMutation<Price, ApiError, Out>({
    mutationFn: ({ modelId, ...body }) => api('PUT /api/v1/settings/prices/{modelId}', { params: { modelId }, body }),
    onSuccess: (p) => {
      toast.success(`Saved the price of ${p.modelId}`);
      setOpen(false);
      router.refresh();
    },
    onError: (e) => {
      if (isApiError(e)) applyFieldIssues(e, form.setError, FIELDS);
    },
  });
  const failure = save.error && save.error.fieldIssues.every((i) => !(FIELDS as readonly string[]).includes(i.path)) ? save.error.message : null;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          form.reset(defaults);
          save.reset();
          setConfirm(null);
        }
      }}
      trigger={trigger}
      title={price ? `Price of ${shortModelName(price.modelId)}` : 'Add a model price'}
      description="US dollars per 1 million tokens, as on the Amazon Bedrock pricing page for your region. Applies to invocations logged from now on."
    >
      {confirm ? (
        <div className="space-y-4" data-testid="price-override-confirm">
          <Alert tone="warning" title={confirm.current.modelId === confirm.values.modelId ? `${shortModelName(confirm.current.modelId)} already has a ${confirm.current.source === 'built-in' ? 'built-in' : 'custom'} price` : `${confirm.values.modelId} is priced as ${shortModelName(confirm.current.modelId)}`}>
            <span className="font-mono text-xs">{confirm.current.modelId}</span>: {figures(confirm.current)} per 1M tokens.{' '}
            {confirm.current.modelId === confirm.values.modelId
              ? `Saving replaces it with ${figures(confirm.values)}${confirm.current.source === 'built-in' ? '; Reset brings the built-in price back' : ''}.`
              : `Saving gives ${confirm.values.modelId} its own price, ${figures(confirm.values)}.`}
          </Alert>
          <DialogFooter>
            <Button onClick={() => setConfirm(null)}>Back</Button>
            <Button variant="primary" loading={save.isPending} onClick={() => save.mutate(confirm.values)} data-testid="price-override-confirm-button">
              Replace the price
            </Button>
          </DialogFooter>
        </div>
      ) : (
      <form
        noValidate
        onSubmit={form.handleSubmit((v) => {
          const current = price ? null : existingPrice(prices, v.modelId);
          if (current) setConfirm({ values: v, current });
          else save.mutate(v);
        })}
        className="space-y-4"
      >
        {failure ? <Alert>{failure}</Alert> : null}
        {errors.root?.message ? <Alert>{errors.root.message}</Alert> : null}
        {price ? null : (
          <Field id="price-model" label="Model ID" hint="A base model id; inference profiles (us., eu., …) are priced as their base model." error={errors.modelId?.message}>
            <Input {...fieldAria('price-model', errors.modelId?.message, true)} autoFocus spellCheck={false} autoComplete="off" className="font-mono text-[13px]" placeholder="cohere.command-r-v1:0" {...form.register('modelId')} />
          </Field>
        )}
        <div className="grid grid-cols-2 gap-3">
          <Field id="price-input" label="Input $ / 1M tokens" error={errors.inputPerMTokUsd?.message}>
            <Input {...fieldAria('price-input', errors.inputPerMTokUsd?.message)} autoFocus={!!price} inputMode="decimal" autoComplete="off" className="font-mono" {...form.register('inputPerMTokUsd')} />
          </Field>
          <Field id="price-output" label="Output $ / 1M tokens" error={errors.outputPerMTokUsd?.message}>
            <Input {...fieldAria('price-output', errors.outputPerMTokUsd?.message)} inputMode="decimal" autoComplete="off" className="font-mono" {...form.register('outputPerMTokUsd')} />
          </Field>
        </div>
        <fieldset className="space-y-2" data-testid="price-cache-fields">
          <legend className="text-sm font-medium text-zinc-900 dark:text-zinc-100">Prompt caching</legend>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">Tokens read from and written to the prompt cache (Converse cache points). Leave a price empty to cost those tokens as input tokens.</p>
          <div className="grid grid-cols-2 gap-3">
            <Field id="price-cache-read" label="Cache read $ / 1M tokens" error={errors.cacheReadPerMTokUsd?.message}>
              <Input {...fieldAria('price-cache-read', errors.cacheReadPerMTokUsd?.message)} inputMode="decimal" autoComplete="off" className="font-mono" placeholder="as input" {...form.register('cacheReadPerMTokUsd')} />
            </Field>
            <Field id="price-cache-write" label="Cache write $ / 1M tokens" error={errors.cacheWritePerMTokUsd?.message}>
              <Input {...fieldAria('price-cache-write', errors.cacheWritePerMTokUsd?.message)} inputMode="decimal" autoComplete="off" className="font-mono" placeholder="as input" {...form.register('cacheWritePerMTokUsd')} />
            </Field>
          </div>
        </fieldset>
        <DialogFooter>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save price
          </Button>
        </DialogFooter>
      </form>
      )}
    </Dialog>
  );
}
