'use client';

import { SlidersHorizontal } from 'lucide-react';
import { useMemo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { z } from 'zod';
import type { VersionDto } from '@/lib/catalog/dto';
import { ModelIdSchema, ParamsSchema, type Params } from '@/lib/catalog/schemas';
import { schemaResolver } from '@/lib/client/form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { mapPath, paramsFrom, valuesFrom, type EditorValues } from '@/components/editor/editor-values';
import { ModelField } from '@/components/editor/model-field';
import { ParamsFields } from '@/components/editor/params-fields';
import { diffOverrides, type Overrides } from './model';

const OverridesSchema = z.object({ modelId: ModelIdSchema, params: ParamsSchema });
type OverridesOut = { modelId: string; params: Params };
const resolver = schemaResolver<EditorValues, OverridesOut>(
  OverridesSchema,
  (v) => {
    const { params, errors } = paramsFrom(v);
    return { input: { modelId: v.modelId.trim(), params }, errors };
  },
  mapPath,
);

/** Model and parameters for this column's runs only: same fields and ranges as the editor. */
export function OverridesDialog({ version, overrides, onApply, columnLabel }: { version: VersionDto; overrides: Overrides | null; onApply: (o: Overrides | null) => void; columnLabel: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Override model and parameters"
      className="max-w-xl"
      description={`For runs of this column only (v${version.version}); the version itself does not change.`}
      trigger={
        <Button size="sm" variant="ghost" aria-label={`Overrides for ${columnLabel}`} title="Override model and parameters for this column">
          <SlidersHorizontal aria-hidden />
          <span className="hidden @md:inline">Overrides</span>
        </Button>
      }
    >
      {open ? (
        <OverridesForm
          version={version}
          overrides={overrides}
          onApply={(o) => {
            onApply(o);
            setOpen(false);
          }}
        />
      ) : null}
    </Dialog>
  );
}

function OverridesForm({ version, overrides, onApply }: { version: VersionDto; overrides: Overrides | null; onApply: (o: Overrides | null) => void }) {
  const initial = useMemo(() => valuesFrom({ ...version, modelId: overrides?.modelId ?? version.modelId, params: overrides?.params ?? version.params }), [version, overrides]);
  const form = useForm<EditorValues, unknown, OverridesOut>({ resolver, defaultValues: initial, mode: 'onSubmit', reValidateMode: 'onChange' });
  const root = form.formState.errors.root?.message;
  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={(e) => {
          e.stopPropagation();
          void form.handleSubmit((out) => onApply(diffOverrides(version, out, overrides?.template)))(e);
        }}
        className="space-y-5"
      >
        <Alert tone="warning">Overrides — not saved. Use “Save as new version” on the column to keep them.</Alert>
        {root ? <Alert>{root}</Alert> : null}
        <ModelField />
        <ParamsFields />
        <DialogFooter sticky className="justify-between">
          <Button variant="ghost" onClick={() => form.reset(valuesFrom(version))}>
            Reset to v{version.version}
          </Button>
          <Button type="submit" variant="primary">
            Apply to this column
          </Button>
        </DialogFooter>
      </form>
    </FormProvider>
  );
}
