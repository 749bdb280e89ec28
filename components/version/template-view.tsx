import type { Template } from '@/lib/catalog/schemas';
import { cn } from '@/lib/client/cn';
import { HighlightVars } from './highlight-vars';

const ROLE_STYLE = {
  system: 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  user: 'bg-sky-50 text-sky-700 dark:bg-sky-500/10 dark:text-sky-300',
  assistant: 'bg-violet-50 text-violet-700 dark:bg-violet-500/10 dark:text-violet-300',
} as const;

function Block({ role, text, index }: { role: keyof typeof ROLE_STYLE; text: string; index?: number }) {
  return (
    <section className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800" data-testid="template-block" data-role={role} aria-label={index === undefined ? 'System prompt' : `Message ${index + 1} (${role})`}>
      <header className="flex items-center justify-between border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 dark:border-zinc-800 dark:bg-zinc-900/60">
        <span className={cn('rounded px-1.5 py-0.5 text-[11px] font-semibold tracking-wide uppercase', ROLE_STYLE[role])}>{role}</span>
        {index !== undefined ? <span className="text-xs text-zinc-400">message {index + 1}</span> : null}
      </header>
      <pre className="overflow-x-auto bg-white px-4 py-3 font-mono text-[13px] leading-relaxed whitespace-pre-wrap text-zinc-800 dark:bg-zinc-950/40 dark:text-zinc-200">
        <HighlightVars text={text} />
      </pre>
    </section>
  );
}

export function TemplateView({ template }: { template: Template }) {
  return (
    <div className="space-y-3">
      {template.system ? <Block role="system" text={template.system} /> : null}
      {template.messages.map((m, i) => (
        <Block key={i} role={m.role} text={m.content} index={i} />
      ))}
    </div>
  );
}
