'use client';

import { CopyPlus, Play, Square, X } from 'lucide-react';
import Link from 'next/link';
import type { LabelDto, VersionDto } from '@/lib/catalog/dto';
import { shortModelName } from '@/lib/client/models';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { formatParam } from '@/components/version/params-table';
import { saveAsVersionHref, storeHandoff, targetText, withTemplate, type Column } from './model';
import { OverridesDialog } from './overrides-dialog';
import { BundleBadges, ToolCalls } from './bundle-view';
import { RunError, RunStats } from './run-result';
import type { RunState } from './use-runs';
import { TargetSelect } from './target-select';
import { TemplateEditor } from './template-editor';

interface Props {
  prompt: string;
  index: number;
  column: Column;
  labels: LabelDto[];
  version: VersionDto | undefined;
  versionError: string | null;
  /** Why the column's edited template cannot run (it does not parse), if it cannot. */
  templateError: string | null;
  run: RunState | undefined;
  canWrite: boolean;
  canRemove: boolean;
  onChange: (c: Column) => void;
  onRemove: () => void;
  onRun: () => void;
  onStop: () => void;
}

const LETTERS = 'ABCD';

export function RunColumn({ prompt, index, column, labels, version, versionError, templateError, run, canWrite, canRemove, onChange, onRemove, onRun, onStop }: Props) {
  const name = `Column ${LETTERS[index] ?? index + 1}`;
  const o = column.overrides;
  const running = run?.status === 'running';
  const modelId = o?.modelId ?? version?.modelId;
  return (
    <Card className="@container flex min-w-0 flex-col" data-testid="run-column" data-target={targetText(column.target)} data-status={run?.status ?? 'idle'} aria-label={name} role="region">
      <div className="flex items-center gap-2 border-b border-zinc-200 px-3 py-2.5 dark:border-zinc-800">
        <span className="flex size-6 items-center justify-center rounded bg-zinc-100 text-xs font-semibold text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300" aria-hidden>
          {LETTERS[index]}
        </span>
        <TargetSelect className="min-w-0 flex-1 @lg:max-w-56" id={`target-${column.id}`} label={`Version for ${name}`} labels={labels} value={column.target} onChange={(target) => onChange({ ...column, target })} />
        {/* Trying another model or parameters is an authoring act: editors and up. */}
        {version && canWrite ? <OverridesDialog version={version} overrides={o} onApply={(overrides) => onChange({ ...column, overrides })} columnLabel={name} /> : null}
        <div className="ml-auto flex shrink-0 items-center gap-1">
          {running ? (
            <Button size="sm" variant="danger-outline" onClick={onStop} aria-label={`Stop ${name}`}>
              <Square aria-hidden />
              Stop
            </Button>
          ) : (
            <Button size="sm" onClick={onRun} disabled={!version || !!templateError} aria-label={`Run ${name}`}>
              <Play aria-hidden />
              Run
            </Button>
          )}
          {canRemove ? (
            <Button size="icon" variant="ghost" onClick={onRemove} aria-label={`Remove ${name}`}>
              <X aria-hidden />
            </Button>
          ) : null}
        </div>
      </div>

      <div className="space-y-1.5 px-3 py-2 text-xs text-zinc-600 dark:text-zinc-400">
        {versionError ? (
          <p className="text-red-600 dark:text-red-400">{versionError}</p>
        ) : !version ? (
          <Skeleton className="h-4 w-48" />
        ) : (
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="font-mono">v{version.version}</span>
            <span aria-hidden>·</span>
            <span className="text-zinc-800 dark:text-zinc-200" title={modelId}>
              {modelId ? shortModelName(modelId) : ''}
            </span>
            <BundleBadges version={version} />
          </p>
        )}
        {o && version ? (
          <div className="rounded-md border border-dashed border-amber-300 bg-amber-50/60 px-2 py-1.5 dark:border-amber-700/60 dark:bg-amber-950/30" data-testid="run-overrides">
            <div className="flex flex-wrap items-center gap-1.5">
              <Badge tone="amber">overrides — not saved</Badge>
              {o.template ? <code className="font-mono text-[11px]">edited prompt</code> : null}
              {o.modelId ? <code className="font-mono text-[11px]">model={shortModelName(o.modelId)}</code> : null}
              {o.params
                ? Object.entries(o.params).map(([k, v]) => (
                    <code key={k} className="font-mono text-[11px]">
                      {k}={formatParam(v)}
                    </code>
                  ))
                : null}
              {o.params && Object.keys(o.params).length === 0 ? <code className="font-mono text-[11px]">all params = model default</code> : null}
            </div>
            <div className="mt-1 flex gap-3">
              <button type="button" className="font-medium text-zinc-700 hover:underline dark:text-zinc-300" onClick={() => onChange({ ...column, overrides: null })}>
                Clear overrides
              </button>
              {canWrite ? (
                <Link href={saveAsVersionHref(prompt, version.version, o)} onClick={() => storeHandoff(prompt, o)} className="inline-flex items-center gap-1 font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                  <CopyPlus className="size-3" aria-hidden />
                  Save as new version
                </Link>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>

      {version && canWrite ? (
        <TemplateEditor key={version.version} base={version.template} value={o?.template ?? version.template} onChange={(t) => onChange({ ...column, overrides: withTemplate(o, t) })} columnLabel={name} error={templateError} />
      ) : null}

      <div className="flex-1 px-3 pb-3">
        {run?.status === 'error' && run.error ? <RunError error={run.error} /> : null}
        <pre
          data-testid="run-output"
          aria-live="polite"
          aria-busy={running}
          aria-label={`Output of ${name}`}
          className="mt-2 max-h-[60vh] min-h-40 overflow-y-auto rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2.5 font-mono text-[13px] leading-relaxed whitespace-pre-wrap text-zinc-800 dark:border-zinc-800 dark:bg-zinc-950/50 dark:text-zinc-200"
        >
          {run?.text ? (
            run.text
          ) : (
            <span className="font-sans text-zinc-400 dark:text-zinc-500">
              {running ? 'Waiting for the first token…' : run?.result?.output.toolCalls?.length ? 'No text: the model called a tool (below).' : 'Output appears here as it streams.'}
            </span>
          )}
          {running ? <span className="ml-0.5 inline-block h-4 w-1.5 animate-pulse bg-indigo-500 align-text-bottom" aria-hidden /> : null}
        </pre>
        {run?.status === 'done' && run.result?.output.toolCalls?.length ? <ToolCalls calls={run.result.output.toolCalls} /> : null}
        {run?.status === 'stopped' ? <p className="mt-1.5 text-xs text-zinc-500 dark:text-zinc-400">Stopped. The output above is partial.</p> : null}
      </div>
      {run?.status === 'done' && run.result ? <RunStats result={run.result} /> : null}
    </Card>
  );
}
