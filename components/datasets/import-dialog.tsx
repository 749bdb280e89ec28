'use client';

import { useMutation } from '@tanstack/react-query';
import { Upload } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import type { ImportResult } from '@/lib/datasets/responses';
import { api, type ApiError } from '@/lib/client/api';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Select, Textarea } from '@/components/ui/input';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';

type Format = 'auto' | 'csv' | 'jsonl';
const MAX_BYTES = 5 * 1024 * 1024;
const short = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
};

/**
 * Import JSON Lines or CSV: pick a file or paste, preview (a dry run on the server: the rows as
 * parsed and every bad row named), then import all rows or none.
 */
export function ImportDialog({ dataset, onImported }: { dataset: string; onImported: (revision: number) => void }) {
  const [open, setOpen] = useState(false);
  const [content, setContent] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [format, setFormat] = useState<Format>('auto');
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const run = useMutation<ImportResult, ApiError, boolean>({
    mutationFn: (dryRun) => api('POST /api/v1/datasets/{dataset}/import', { params: { dataset }, body: { content, dryRun, ...(format !== 'auto' ? { format } : {}) } }),
    onSuccess: (r) => {
      if (r.dryRun) return setPreview(r);
      toast.success(`Imported ${r.written} example${r.written === 1 ? '' : 's'} (revision ${r.revision})`);
      onImported(r.revision);
      reset(false);
    },
  });
  const reset = (keepOpen: boolean) => {
    setContent('');
    setFileName(null);
    setPreview(null);
    setFileError(null);
    run.reset();
    setOpen(keepOpen);
  };
  const edited = (text: string) => {
    setContent(text);
    setPreview(null);
    run.reset();
  };
  const pick = async (file: File | undefined) => {
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_BYTES) return setFileError(`${file.name} is larger than 5 MB; split it into several files.`);
    setFileName(file.name);
    if (format === 'auto' && /\.(jsonl|ndjson)$/i.test(file.name)) setFormat('jsonl');
    else if (format === 'auto' && /\.(csv|tsv)$/i.test(file.name)) setFormat('csv');
    edited(await file.text());
  };
  const bad = preview ? new Set(preview.errors.map((e) => e.row)) : new Set<number>();
  const canImport = preview !== null && preview.errors.length === 0 && preview.total > 0;

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => (o ? setOpen(true) : reset(false))}
      trigger={
        <Button data-testid="import-open">
          <Upload aria-hidden />
          Import
        </Button>
      }
      title="Import examples"
      description="JSON Lines (one example a line) or CSV with a header: an expectedOutput column, a tags column, every other column a variable. Nothing is written until you confirm, and then all rows or none."
      className="max-w-4xl"
    >
      <div className="space-y-4">
        <div className="grid gap-3 sm:grid-cols-[1fr_auto]">
          <Field id="import-file" label="File" hint={fileName ? `Read ${fileName}` : '.csv, .jsonl; at most 5 MB and 10,000 rows'} error={fileError ?? undefined}>
            <input
              id="import-file"
              type="file"
              accept=".csv,.tsv,.jsonl,.ndjson,.json,text/csv,application/x-ndjson"
              data-testid="import-file"
              className="block w-full text-sm text-zinc-700 file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium dark:text-zinc-300 dark:file:border-zinc-700 dark:file:bg-zinc-800"
              onChange={(e) => void pick(e.target.files?.[0])}
            />
          </Field>
          <Field id="import-format" label="Format">
            <Select id="import-format" value={format} onChange={(e) => (setFormat(e.target.value as Format), setPreview(null))} data-testid="import-format">
              <option value="auto">Detect</option>
              <option value="csv">CSV</option>
              <option value="jsonl">JSON Lines</option>
            </Select>
          </Field>
        </div>
        <Field id="import-text" label="Or paste" hint='CSV: comment,expectedOutput,tags — JSON Lines: {"variables": {"comment": "…"}, "expectedOutput": "…"}'>
          <Textarea id="import-text" className="font-mono text-[13px]" rows={6} value={content} onChange={(e) => (setFileName(null), edited(e.target.value))} spellCheck={false} data-testid="import-text" />
        </Field>
        {run.error ? <Alert>{run.error.fieldIssues.length ? run.error.fieldIssues.map((i) => i.message).join(' ') : run.error.message}</Alert> : null}
        {preview ? <Preview result={preview} bad={bad} /> : null}
        <DialogFooter sticky>
          <Button onClick={() => reset(false)}>Cancel</Button>
          <Button disabled={!content.trim()} loading={run.isPending && run.variables === true} onClick={() => run.mutate(true)} data-testid="import-preview">
            Preview
          </Button>
          <Button variant="primary" disabled={!canImport} loading={run.isPending && run.variables === false} onClick={() => run.mutate(false)} data-testid="import-confirm">
            {preview && canImport ? `Import ${preview.total} row${preview.total === 1 ? '' : 's'}` : 'Import'}
          </Button>
        </DialogFooter>
      </div>
    </Dialog>
  );
}

function Preview({ result, bad }: { result: ImportResult; bad: Set<number> }) {
  return (
    <section aria-label="Preview" className="space-y-2" data-testid="import-summary" data-total={result.total} data-bad={bad.size}>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {result.format === 'csv' ? 'CSV' : 'JSON Lines'}: {result.total} row{result.total === 1 ? '' : 's'}, {result.valid} good
        {bad.size ? (
          <>
            , <strong className="text-red-600 dark:text-red-400">{bad.size} with errors: fix them in the file and preview again (nothing is imported while any row is bad)</strong>
          </>
        ) : (
          '. Ready to import.'
        )}
      </p>
      {result.errors.length ? (
        <ul className="max-h-32 space-y-1 overflow-auto rounded-md border border-red-200 bg-red-50 p-2 text-xs text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-300" data-testid="import-errors">
          {result.errors.map((e, i) => (
            <li key={i}>
              Row {e.row} (line {e.line}), <span className="font-mono">{e.field}</span>: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="max-h-72 overflow-auto rounded-md border border-zinc-200 dark:border-zinc-800">
        <Table aria-label="Rows to import">
          <THead>
            <tr>
              <Th className="w-12 text-right">Row</Th>
              <Th>Variables</Th>
              <Th>Expected output</Th>
              <Th>Tags</Th>
            </tr>
          </THead>
          <TBody>
            {result.rows.map((r) => (
              <Tr key={r.row} data-testid="import-row" data-row={r.row} data-ok={r.ok} className={r.ok ? undefined : 'bg-red-50/70 dark:bg-red-950/30'}>
                <Td className="text-right font-mono text-xs tabular-nums">{r.ok ? r.row : <Badge tone="red">{r.row}</Badge>}</Td>
                <Td className="max-w-0 font-mono text-xs break-words">{short(r.variables)}</Td>
                <Td className="max-w-0 font-mono text-xs break-words">{short(r.expectedOutput)}</Td>
                <Td className="text-xs">{r.tags.join(', ')}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </div>
      {result.total > result.rows.length ? <p className="text-xs text-zinc-500">The first {result.rows.length} of {result.total} rows are shown; every row was checked.</p> : null}
    </section>
  );
}
