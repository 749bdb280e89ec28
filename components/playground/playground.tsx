'use client';

import { useQueries, useQuery } from '@tanstack/react-query';
import { Columns2, FlaskConical, Layers, Play, Plus, Square } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '@/lib/client/api';
import { cn } from '@/lib/client/cn';
import type { InvokeBody } from '@/lib/client/invoke';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Kbd } from '@/components/ui/kbd';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { defaultTarget, MAX_COLUMNS, newColumnId, resolveTarget, type Column, type Target } from './model';
import { PromptCombobox } from './prompt-combobox';
import { RunColumn } from './run-column';
import { templateVariables } from './template-editor';
import { useRuns } from './use-runs';
import { useVariables } from './use-variables';
import { VariablesCard } from './variables-card';

const COLS: Record<number, string> = { 2: 'xl:grid-cols-2', 3: 'xl:grid-cols-3', 4: 'xl:grid-cols-4' };

function playgroundUrl(prompt: string | null, target: Target | undefined): string {
  const sp = new URLSearchParams();
  if (prompt) sp.set('prompt', prompt);
  if (prompt && target) sp.set(target.kind, target.kind === 'label' ? target.label : String(target.version));
  const s = sp.toString();
  return s ? `/playground?${s}` : '/playground';
}

/** Run a prompt on Bedrock: one column, or 2–4 side by side on the same variables. */
export function Playground({ initialPrompt, initialTarget, canWrite }: { initialPrompt: string | null; initialTarget: Target | null; canWrite: boolean }) {
  const [prompt, setPrompt] = useState(initialPrompt);
  const [state, setState] = useState<{ prompt: string | null; columns: Column[] }>({ prompt: null, columns: [] });
  const runs = useRuns();
  const vars = useVariables(prompt);

  const labelsQ = useQuery({
    queryKey: ['labels', prompt],
    queryFn: () => api('GET /api/v1/prompts/{name}/labels', { params: { name: prompt ?? '' } }).then((r) => r.items),
    enabled: !!prompt,
  });
  const labels = labelsQ.data;

  // Until the user changes something, the columns are derived: one column on the URL's target (or production / latest).
  const columns = useMemo<Column[]>(() => {
    if (state.prompt === prompt && state.columns.length > 0) return state.columns;
    if (!labels || labels.length === 0) return [];
    const target = prompt === initialPrompt && initialTarget ? initialTarget : defaultTarget(labels);
    return [{ id: 'col-a', target, overrides: null }];
  }, [state, prompt, labels, initialPrompt, initialTarget]);
  const setColumns = (next: Column[]) => setState({ prompt, columns: next });

  const resolved = columns.map((c) => resolveTarget(c.target, labels));
  const versionNumbers = [...new Set(resolved.filter((n): n is number => n !== null))];
  const versionQs = useQueries({
    queries: versionNumbers.map((n) => ({
      queryKey: ['version', prompt, n],
      queryFn: () => api('GET /api/v1/prompts/{name}/versions/{version}', { params: { name: prompt ?? '', version: n } }),
      enabled: !!prompt,
      staleTime: Infinity,
    })),
  });
  const versions = new Map(versionNumbers.map((n, i) => [n, versionQs[i]]));

  // Each column's variables: its version's, or those of the template edited in the column.
  const columnTemplates = columns.map((c) => (c.overrides?.template ? templateVariables(c.overrides.template) : null));
  const variableNames = [
    ...new Set(
      resolved.flatMap((n, i) => {
        const edited = columnTemplates[i];
        if (edited) return edited.variables;
        return n === null ? [] : (versions.get(n)?.data?.variables ?? []);
      }),
    ),
  ];
  const missing = new Set(
    Object.values(runs.runs).flatMap((r) => {
      const m = r.status === 'error' && r.error?.code === 'missing_variables' ? r.error.detail('missing') : null;
      return Array.isArray(m) ? m.filter((x): x is string => typeof x === 'string' && !vars.values[x]) : [];
    }),
  );

  const first = columns[0]?.target;
  useEffect(() => {
    // Wait for the columns (labels loading) so the URL's version or label is not dropped meanwhile.
    if (prompt && !first) return;
    window.history.replaceState(window.history.state, '', playgroundUrl(prompt, first));
  }, [prompt, first]);

  const bodyFor = (c: Column): InvokeBody => {
    const variables = Object.fromEntries(variableNames.flatMap((n) => (vars.values[n] ? [[n, vars.values[n]]] : [])));
    return {
      ...(c.target.kind === 'label' ? { label: c.target.label } : { version: c.target.version }),
      variables,
      ...(c.overrides ? { overrides: c.overrides } : {}),
    };
  };
  const runColumn = (c: Column) => {
    if (prompt) runs.start(c.id, prompt, bodyFor(c));
  };
  const runnable = columns.filter((c, i) => {
    const n = resolved[i];
    return n !== null && n !== undefined && versions.get(n)?.data && !columnTemplates[i]?.error;
  });
  const runAll = () => runnable.forEach(runColumn);

  const choosePrompt = (name: string) => {
    if (name === prompt) return;
    runs.stopAll();
    setPrompt(name);
    setState({ prompt: name, columns: [] });
  };
  const addColumn = () => {
    const last = columns[columns.length - 1];
    if (last && columns.length < MAX_COLUMNS) setColumns([...columns, { id: newColumnId(), target: last.target, overrides: last.overrides }]);
  };

  const noVersions = labels !== undefined && labels.length === 0;
  // Comparing: prompt and variables go on top, so the columns get the full width (3 in a row at 1440 px).
  const wide = columns.length > 1;
  return (
    <div
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.metaKey || e.ctrlKey) && !(e.target as Element).closest('[role="dialog"]')) {
          e.preventDefault();
          runAll();
        }
      }}
    >
      <PageHeader
        title="Playground"
        description="Run a prompt version on Bedrock with your own variables, or compare versions and parameters side by side. Every run is logged."
        actions={
          prompt && columns.length > 0 ? (
            <>
              <span className="hidden text-xs text-zinc-500 lg:inline dark:text-zinc-400">
                <Kbd>Ctrl</Kbd> / <Kbd>⌘</Kbd> + <Kbd>Enter</Kbd> runs
              </span>
              <Button onClick={addColumn} disabled={columns.length >= MAX_COLUMNS} title={columns.length >= MAX_COLUMNS ? `At most ${MAX_COLUMNS} columns` : undefined}>
                {columns.length === 1 ? <Columns2 aria-hidden /> : <Plus aria-hidden />}
                {columns.length === 1 ? 'Compare' : 'Add column'}
              </Button>
              {runs.running ? (
                <Button variant="danger-outline" onClick={runs.stopAll}>
                  <Square aria-hidden />
                  Stop
                </Button>
              ) : null}
              <Button variant="primary" onClick={runAll} disabled={runnable.length === 0} data-testid="run-all">
                <Play aria-hidden />
                {columns.length > 1 ? 'Run all' : 'Run'}
              </Button>
            </>
          ) : null
        }
      />
      <div className={cn('grid gap-6', wide ? '' : 'lg:grid-cols-[minmax(260px,340px)_1fr]')}>
        <div className={cn('gap-6', wide ? 'grid lg:grid-cols-[minmax(260px,340px)_1fr] lg:items-start' : 'space-y-6')}>
          <Card>
            <CardHeader title="Prompt" actions={prompt ? <Link href={`/prompts/${prompt}`} className="text-xs font-medium text-indigo-600 hover:underline dark:text-indigo-400">Open prompt</Link> : null} />
            <div className="p-4">
              <label htmlFor="playground-prompt" className="sr-only">
                Prompt
              </label>
              <PromptCombobox value={prompt} onChange={choosePrompt} />
            </div>
          </Card>
          {prompt && columns.length > 0 ? <VariablesCard names={variableNames} values={vars.values} onChange={vars.set} missing={missing} wide={wide} /> : null}
        </div>
        <div className="min-w-0">
          {!prompt ? (
            <Card>
              <EmptyState icon={<FlaskConical />} title="Choose a prompt to start" description="Pick a prompt on the left; its production version (or the latest) is selected. Fill in the variables and run." />
            </Card>
          ) : labelsQ.isPending ? (
            <Card className="space-y-3 p-4" aria-busy>
              <Skeleton className="h-9 w-64" />
              <Skeleton className="h-40 w-full" />
            </Card>
          ) : labelsQ.isError ? (
            <Card>
              <EmptyState icon={<FlaskConical />} title="This prompt cannot be loaded" description={errorMessage(labelsQ.error)} />
            </Card>
          ) : noVersions ? (
            <Card>
              <EmptyState
                icon={<Layers />}
                title="This prompt has no versions yet"
                description="Write a first version, then run it here."
                action={canWrite ? <Button asChild variant="primary"><Link href={`/prompts/${prompt}/new`}>Create the first version</Link></Button> : null}
              />
            </Card>
          ) : (
            <div className={cn('grid gap-4', columns.length > 1 && 'lg:grid-cols-2', COLS[columns.length])} data-testid="run-columns">
              {columns.map((c, i) => {
                const n = resolved[i] ?? null;
                const q = n === null ? undefined : versions.get(n);
                const versionError = labels && n === null ? `Label ${c.target.kind === 'label' ? c.target.label : ''} does not exist on this prompt.` : q?.isError ? errorMessage(q.error) : null;
                return (
                  <RunColumn
                    key={c.id}
                    prompt={prompt}
                    index={i}
                    column={c}
                    labels={labels ?? []}
                    version={q?.data}
                    versionError={versionError}
                    templateError={columnTemplates[i]?.error ?? null}
                    run={runs.runs[c.id]}
                    canWrite={canWrite}
                    canRemove={columns.length > 1}
                    onChange={(next) => setColumns(columns.map((x) => (x.id === c.id ? next : x)))}
                    onRemove={() => {
                      runs.forget(c.id);
                      setColumns(columns.filter((x) => x.id !== c.id));
                    }}
                    onRun={() => runColumn(c)}
                    onStop={() => runs.stop(c.id)}
                  />
                );
              })}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
