'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { Price } from '@/lib/aws/pricing';
import { SetPriceSchema, type SetPriceInput } from '@/lib/aws/price-schemas';
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


/** Set (or add) the price of one model, in US dollars per 1M tokens. */
export function PriceDialog({ price, trigger }: { price: Price | null; trigger: ReactNode }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
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
        }
      }}
      trigger={trigger}
      title={price ? `Price of ${price.modelId}` : 'Add a model price'}
      description="US dollars per 1 million tokens, as on the Amazon Bedrock pricing page for your region. Applies to invocations logged from now on."
    >
      <form noValidate onSubmit={form.handleSubmit((v) => save.mutate(v))} className="space-y-4">
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
    </Dialog>
  );
}
