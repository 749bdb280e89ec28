'use client';

import { ExternalLink } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { ApiError } from '@/lib/client/api';
import { formatMs, formatUsd } from '@/lib/client/format';
import type { InvokeResult } from '@/lib/client/invoke';
import { FeedbackButtons } from '@/components/feedback/feedback-buttons';
import { Alert } from '@/components/ui/alert';
import { shortModelName } from '@/lib/client/models';
import { reasonText } from '@/lib/client/fallback';
import { ToolCalls } from './bundle-view';
import { variableFieldId } from './variables-card';

function Stat({ label, value, testId }: { label: string; value: ReactNode; testId: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-[11px] font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</dt>
      <dd className="truncate font-mono text-[13px] text-zinc-900 tabular-nums dark:text-zinc-100" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** Tokens, latency, TTFT, cost, stop reason and the logged invocation of a finished run. */
export function RunStats({ result }: { result: InvokeResult }) {
  const cost = formatUsd(result.costUsd);
  return (
    <div className="space-y-2 border-t border-zinc-200 px-4 py-3 dark:border-zinc-800" data-testid="run-stats" data-invocation-id={result.invocationId} data-version={result.version}>
      <dl className="grid grid-cols-3 gap-x-4 gap-y-2">
        <Stat label="Tokens in / out" testId="run-tokens" value={`${result.usage.inputTokens} / ${result.usage.outputTokens}`} />
        <Stat label="Latency" testId="run-latency" value={formatMs(result.latencyMs)} />
        <Stat label="First token" testId="run-ttft" value={formatMs(result.timeToFirstTokenMs)} />
        <Stat label="Cost" testId="run-cost" value={cost ?? <span className="font-sans text-xs text-zinc-500 dark:text-zinc-400">no price</span>} />
        <Stat label="Stop reason" testId="run-stop-reason" value={result.stopReason ?? '—'} />
        <Stat label="Version" testId="run-version" value={`v${result.version}`} />
        {result.usage.cacheReadInputTokens || result.usage.cacheWriteInputTokens ? (
          <Stat label="Cache read / write" testId="run-cache" value={`${result.usage.cacheReadInputTokens} / ${result.usage.cacheWriteInputTokens}`} />
        ) : null}
      </dl>
      {result.fallbackFrom ? (
        <p className="text-xs text-amber-800 dark:text-amber-300" data-testid="run-fallback">
          Answered by fallback <span className="font-mono">{shortModelName(result.modelId)}</span>: <span className="font-mono">{shortModelName(result.fallbackFrom)}</span> was {reasonText(result.fallbackReason)}.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <InvocationLink id={result.invocationId} />
        {/* A new run is a new invocation: key by id so the vote starts fresh. */}
        <FeedbackButtons key={result.invocationId} invocationId={result.invocationId} compact />
      </div>
    </div>
  );
}

export function InvocationLink({ id }: { id: string }) {
  return (
    <Link href={`/logs/${id}`} className="inline-flex items-center gap-1 text-xs font-medium text-indigo-600 hover:underline dark:text-indigo-400" data-testid="run-invocation-link">
      View logged invocation
      <ExternalLink className="size-3" aria-hidden />
    </Link>
  );
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);


/** A failed run, explained: throttling, model errors, missing variables (pointing at the fields). */
export function RunError({ error }: { error: ApiError }) {
  const invocationId = str(error.detail('invocationId'));
  const link = invocationId ? (
    <div className="mt-1.5">
      <InvocationLink id={invocationId} />
    </div>
  ) : null;
  if (error.code === 'throttled') {
    const attempts = error.detail('attempts');
    return (
      <Alert tone="warning" title={`Throttled (429)${typeof attempts === 'number' ? ` after ${attempts} attempts` : ''}`}>
        {error.message}
        {link}
      </Alert>
    );
  }
  if (error.code === 'upstream_error') {
    const type = str(error.detail('type'));
    const awsCode = str(error.detail('awsCode'));
    return (
      <Alert title={`Model error (502${type ? `, ${type.replace(/_/g, ' ')}` : ''})`}>
        {error.message}
        {awsCode ? <span className="mt-1 block font-mono text-xs">{awsCode}</span> : null}
        {link}
      </Alert>
    );
  }
  if (error.code === 'invalid_output') {
    const reason = str(error.detail('reason'));
    const output = error.detail('output') as { text?: unknown; toolCalls?: unknown } | undefined;
    const text = output && typeof output.text === 'string' ? output.text : '';
    const calls = output && Array.isArray(output.toolCalls) ? (output.toolCalls as { name: string; input?: unknown }[]) : [];
    return (
      <div data-testid="run-invalid-output">
      <Alert title="Invalid output (502): the answer breaks the schema">
        {reason ?? error.message}
        {text ? <pre className="mt-1.5 max-h-40 overflow-auto rounded bg-white/60 p-2 font-mono text-[12px] whitespace-pre-wrap dark:bg-black/20">{text}</pre> : null}
        <ToolCalls calls={calls} label="Tool calls of the invalid answer" />
        {link}
      </Alert>
      </div>
    );
  }
  if (error.code === 'missing_variables') {
    const missing = error.detail('missing');
    const names = Array.isArray(missing) ? missing.filter((m): m is string => typeof m === 'string') : [];
    return (
      <Alert title="Missing variables (400)">
        Fill in{' '}
        {names.map((n, i) => (
          <span key={n}>
            {i > 0 ? ', ' : ''}
            <a
              href={`#${variableFieldId(n)}`}
              className="font-mono underline"
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(variableFieldId(n))?.focus();
              }}
            >
              {n}
            </a>
          </span>
        ))}{' '}
        and run again. Nothing was sent to the model.
      </Alert>
    );
  }
  const issues = error.fieldIssues;
  return (
    <Alert title={error.status ? `Could not run (${error.status})` : 'Could not run'}>
      {error.message}
      {issues.length > 0 ? (
        <ul className="mt-1 list-disc pl-4 text-xs">
          {issues.map((i) => (
            <li key={i.path}>
              <span className="font-mono">{i.path}</span>: {i.message}
            </li>
          ))}
        </ul>
      ) : null}
      {link}
    </Alert>
  );
}
