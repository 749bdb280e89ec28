import { ToolCalls } from '@/components/playground/bundle-view';
import type { InvocationDto } from '@/lib/invocations/dto';
import { Card, CardHeader } from '@/components/ui/card';
import { TemplateView } from '@/components/version/template-view';

const pre = 'overflow-x-auto px-4 py-3 font-mono text-[13px] leading-relaxed whitespace-pre-wrap text-zinc-800 dark:text-zinc-200';

/** The model's output of an invocation (partial when a stream failed). */
/** `scroll`: cap the height (a side panel). */
export function OutputCard({ inv, testId, scroll = false }: { inv: Pick<InvocationDto, 'status' | 'output'> & Partial<Pick<InvocationDto, 'errorCode'>>; testId: string; scroll?: boolean }) {
  return (
    <Card>
      <CardHeader
        title="Output"
        description={inv.errorCode === 'invalid_output' ? 'Refused: it does not match the schema (invalid_output).' : inv.status !== 'ok' && inv.output ? 'Partial: the call failed while streaming.' : undefined}
      />
      {inv.output?.toolCalls?.length ? (
        <div className="px-4 pb-3">
          <ToolCalls calls={inv.output.toolCalls} />
        </div>
      ) : null}
      {inv.output?.text ? (
        <pre className={scroll ? `max-h-80 overflow-y-auto ${pre}` : pre} data-testid={testId}>
          {inv.output.text}
        </pre>
      ) : inv.output?.toolCalls?.length ? null : (
        <p className="px-4 py-3 text-sm text-zinc-500 dark:text-zinc-400">No output was recorded.</p>
      )}
    </Card>
  );
}

/** The rendered system prompt and messages that were sent. */
export function InputCard({ inv }: { inv: Pick<InvocationDto, 'input'> }) {
  return (
    <Card>
      <CardHeader title="Input" description="The rendered system prompt and messages sent to the model." />
      <div className="p-4">
        <TemplateView template={{ ...(inv.input.system ? { system: inv.input.system } : {}), messages: inv.input.messages }} />
      </div>
    </Card>
  );
}
