'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { Price } from '@/lib/aws/pricing';
import { shortModelName } from '@/lib/client/models';
import { priceKey, SetPriceSchema, type SetPriceInput } from '@/lib/aws/price-schemas';
import { ModelIdSchema } from '@/lib/catalog/schemas';
import { api, isApiError, type ApiError } from '@/lib/client/api';
import { applyFieldIssues, schemaResolver } from '@/lib/client/form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field, fieldAria } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

interface Values {
  modelId: string;
  inputPerMTokUsd: string;
  outputPerMTokUsd: string;
}
type Out = SetPriceInput & { modelId: string };

const FIELDS = ['modelId', 'inputPerMTokUsd', 'outputPerMTokUsd'] as const;
const resolver = schemaResolver<Values, Out>(
  SetPriceSchema.extend({ modelId: ModelIdSchema }),
  (v) => {
    const errors: { field: string; message: string }[] = [];
    const num = (field: 'inputPerMTokUsd' | 'outputPerMTokUsd') => {
      const raw = v[field].trim();
      const n = raw === '' ? NaN : Number(raw);
      if (Number.isNaN(n)) errors.push({ field, message: 'Enter a price in dollars, e.g. 0.8 (0 for free).' });
      return n;
    };
    return { input: { modelId: v.modelId.trim(), inputPerMTokUsd: num('inputPerMTokUsd'), outputPerMTokUsd: num('outputPerMTokUsd') }, errors };
  },
  (path) => ((FIELDS as readonly string[]).includes(path) ? path : null),
);


const usd = (n: number) => `$${n.toLocaleString('en-US', { maximumFractionDigits: 4 })}`;

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
  const defaults: Values = { modelId: price?.modelId ?? '', inputPerMTokUsd: price ? String(price.inputPerMTokUsd) : '', outputPerMTokUsd: price ? String(price.outputPerMTokUsd) : '' };
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
            <span className="font-mono text-xs">{confirm.current.modelId}</span>: {usd(confirm.current.inputPerMTokUsd)} input, {usd(confirm.current.outputPerMTokUsd)} output per 1M tokens.{' '}
            {confirm.current.modelId === confirm.values.modelId
              ? `Saving replaces it with ${usd(confirm.values.inputPerMTokUsd)} / ${usd(confirm.values.outputPerMTokUsd)}${confirm.current.source === 'built-in' ? '; Reset brings the built-in price back' : ''}.`
              : `Saving gives ${confirm.values.modelId} its own price, ${usd(confirm.values.inputPerMTokUsd)} / ${usd(confirm.values.outputPerMTokUsd)}.`}
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
