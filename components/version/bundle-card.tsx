import type { VersionDto } from '@/lib/catalog/dto';
import { shortModelName } from '@/lib/client/models';
import { Card, CardHeader } from '@/components/ui/card';

const pre = 'max-h-64 overflow-auto rounded-md bg-zinc-50 px-3 py-2 font-mono text-[12px] whitespace-pre-wrap break-all text-zinc-800 dark:bg-zinc-950/50 dark:text-zinc-200';

/** Tools, tool choice, output schema, cache points and fallbacks of a version (nothing when it has none). */
export function BundleCard({ v }: { v: Pick<VersionDto, 'tools' | 'toolChoice' | 'outputSchema' | 'cachePoints' | 'fallbacks'> }) {
  const tools = v.tools ?? [];
  const cache = v.cachePoints ?? [];
  const fallbacks = v.fallbacks ?? [];
  if (!tools.length && v.outputSchema === null && !cache.length && !fallbacks.length) return null;
  return (
    <Card data-testid="version-bundle">
      <CardHeader title="Bedrock bundle" description="Sent with every call of this version." />
      <div className="space-y-4 p-4 text-sm">
        {tools.length ? (
          <section className="space-y-2">
            <h3 className="font-medium text-zinc-900 dark:text-zinc-100">
              Tools{v.toolChoice ? <span className="ml-1 text-xs font-normal text-zinc-500">choice: {typeof v.toolChoice === 'string' ? v.toolChoice : `tool ${v.toolChoice.tool}`}</span> : null}
            </h3>
            {tools.map((t) => (
              <details key={t.name} className="rounded-md border border-zinc-200 dark:border-zinc-800" data-testid="version-tool">
                <summary className="cursor-pointer px-3 py-1.5">
                  <code className="font-mono text-[13px]">{t.name}</code> <span className="text-zinc-600 dark:text-zinc-400">— {t.description}</span>
                </summary>
                <pre className={pre}>{JSON.stringify(t.inputSchema, null, 2)}</pre>
              </details>
            ))}
          </section>
        ) : null}
        {v.outputSchema !== null ? (
          <section className="space-y-2" data-testid="version-output-schema">
            <h3 className="font-medium text-zinc-900 dark:text-zinc-100">Output schema</h3>
            <pre className={pre}>{JSON.stringify(v.outputSchema, null, 2)}</pre>
          </section>
        ) : null}
        {cache.length ? (
          <p>
            <span className="font-medium text-zinc-900 dark:text-zinc-100">Cache points:</span> {cache.map((c) => (c === 'system' ? 'after the system prompt' : `after message ${c + 1}`)).join(', ')}
          </p>
        ) : null}
        {fallbacks.length ? (
          <div>
            <span className="font-medium text-zinc-900 dark:text-zinc-100">Fallbacks, in order:</span>
            <ol className="mt-1 list-decimal pl-5">
              {fallbacks.map((m) => (
                <li key={m}>
                  {shortModelName(m)} <span className="font-mono text-xs break-all text-zinc-500">{m}</span>
                </li>
              ))}
            </ol>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
