'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { api, type ApiError } from '@/lib/client/api';
import type { CreatedWebhookDto } from '@/lib/webhooks/responses';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@/lib/webhooks/schemas';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SecretShownOnce, useSecretDialog } from '@/components/ui/secret-once';

const EVENT_TEXT: Record<WebhookEvent, string> = {
  'label.moved': 'A label moved (deploy, rollback, removal, approved request)',
  'deploy_request.created': 'A deploy request was opened',
  'deploy_request.decided': 'A deploy request was deployed, rejected or went stale',
  'canary.started': 'A canary started',
  'canary.ended': 'A canary was promoted, stopped or rolled back by the guard',
  'experiment.finished': 'An experiment finished',
};

export function CreateWebhookDialog() {
  const qc = useQueryClient();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['label.moved']);
  const create = useMutation<CreatedWebhookDto, ApiError>({
    mutationFn: () => api('POST /api/v1/webhooks', { body: { url: url.trim(), events } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['webhooks'] }),
  });
  const created = create.data ?? null;
  const { open, onOpenChange, close } = useSecretDialog(create, () => {
    setUrl('');
    setEvents(['label.moved']);
  });
  const urlError = create.error?.fieldIssues.find((i) => i.path === 'url')?.message;
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      trigger={
        <Button variant="primary">
          <Plus aria-hidden />
          Add webhook
        </Button>
      }
      title={created ? 'Copy the signing secret' : 'Add webhook'}
      description={created ? undefined : 'Deliveries are POSTs signed with X-Promptdeck-Signature: sha256=<HMAC of the body>.'}
    >
      {created ? (
        <SecretShownOnce
          value={created.secret}
          label="Signing secret"
          copyLabel="Copy secret"
          testId="webhook-secret"
          warningTitle="This is the only time the secret is shown"
          warning="Verify the X-Promptdeck-Signature of every delivery with it. It is stored encrypted; if lost, delete the webhook and add it again."
          onDone={close}
        >
          <p className="text-xs break-all text-zinc-500">{created.url}</p>
        </SecretShownOnce>
      ) : (
        <form
          noValidate
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          {create.error && !urlError ? <Alert>{create.error.message}</Alert> : null}
          <Field id="webhook-url" label="Endpoint URL" hint="https only; private and loopback addresses are refused." error={urlError}>
            <Input id="webhook-url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hooks.example.com/promptdeck" autoComplete="off" className="font-mono" autoFocus aria-invalid={!!urlError} />
          </Field>
          <fieldset className="space-y-2">
            <legend className="mb-1 text-sm font-medium text-zinc-900 dark:text-zinc-100">Events</legend>
            {WEBHOOK_EVENTS.map((ev) => (
              <label key={ev} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-0.5 size-4 accent-indigo-600"
                  checked={events.includes(ev)}
                  onChange={(e) => setEvents((cur) => (e.target.checked ? [...cur, ev] : cur.filter((x) => x !== ev)))}
                  data-testid={`event-${ev}`}
                />
                <span>
                  <span className="font-mono text-xs">{ev}</span>
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">{EVENT_TEXT[ev]}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <DialogFooter>
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" loading={create.isPending} disabled={!url.trim() || events.length === 0} data-testid="webhook-create">
              Add webhook
            </Button>
          </DialogFooter>
        </form>
      )}
    </Dialog>
  );
}
