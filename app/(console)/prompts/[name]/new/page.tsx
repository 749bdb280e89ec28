import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import Link from 'next/link';
import { ChevronRight } from 'lucide-react';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { listLabels } from '@/lib/catalog/labels';
import { getPrompt } from '@/lib/catalog/prompts';
import { getVersion } from '@/lib/catalog/versions';
import { ModelIdSchema, ParamsSchema } from '@/lib/catalog/schemas';
import { orNotFound, segment } from '@/lib/http/pages';
import { PageHeader } from '@/components/ui/page-header';
import type { EditorPrefill } from '@/components/editor/editor-values';
import { VersionEditor } from '@/components/editor/version-editor';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** `?modelId=&params=<json>` from the playground's "Save as new version"; invalid parts are ignored. */
function playgroundPrefill(modelId: string | undefined, params: string | undefined): EditorPrefill | null {
  const m = ModelIdSchema.safeParse(modelId);
  let p: ReturnType<typeof ParamsSchema.safeParse> | null = null;
  try {
    p = params ? ParamsSchema.safeParse(JSON.parse(params)) : null;
  } catch {
    p = null;
  }
  const out: EditorPrefill = { ...(m.success ? { modelId: m.data } : {}), ...(p?.success ? { params: p.data } : {}) };
  return out.modelId || out.params ? out : null;
}

type Props = { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: `New version · ${segment((await props.params).name)}` };
}

export default async function NewVersionPage(props: Props) {
  const { user, ctx } = await pageContext();
  const name = segment((await props.params).name);
  const sp = await props.searchParams;
  const prompt = await orNotFound(getPrompt(ctx, name));
  if (!can(user.actor, 'catalog:write')) forbidden(); // app/forbidden.tsx (a direct visit is refused by the console layout first)

  const rawFrom = one(sp.from);
  const from = rawFrom && /^\d{1,9}$/.test(rawFrom) ? Number(rawFrom) : prompt.latestVersion;
  const [base, labels] = await Promise.all([from ? orNotFound(getVersion(ctx, name, from)) : Promise.resolve(null), listLabels(ctx, name)]);
  const existing = labels.filter((l) => !l.automatic).map((l) => l.name);
  const prefill = base ? playgroundPrefill(one(sp.modelId), one(sp.params)) : null;
  // An edited template waits in sessionStorage (too long for a URL); the editor picks it up.
  const templateHandoff = !!base && one(sp.template) === 'playground';

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
        <Link href="/prompts" className="hover:text-zinc-900 dark:hover:text-zinc-100">
          Prompts
        </Link>
        <ChevronRight className="size-3" aria-hidden />
        <Link href={`/prompts/${prompt.name}`} className="font-mono hover:text-zinc-900 dark:hover:text-zinc-100">
          {prompt.name}
        </Link>
        <ChevronRight className="size-3" aria-hidden />
        <span className="text-zinc-700 dark:text-zinc-300">New version</span>
      </nav>
      <PageHeader
        title="New version"
        description={
          base ? (
            <>
              Starts from <span className="font-mono">v{base.version}</span>. Saving creates <span className="font-mono">v{(prompt.latestVersion ?? 0) + 1}</span>; existing versions never change.
            </>
          ) : (
            'The first version of this prompt: a template, a model and its parameters.'
          )
        }
      />
      <VersionEditor
        key={`${prompt.name}:${base?.version ?? 0}:${prefill ? JSON.stringify(prefill) : ''}:${templateHandoff}`}
        prompt={prompt.name}
        base={base}
        canMove={can(user.actor, 'labels:move')}
        existingLabels={existing}
        prefill={prefill}
        templateHandoff={templateHandoff}
      />
    </>
  );
}
