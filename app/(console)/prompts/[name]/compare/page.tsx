import type { VersionDto } from '@/lib/catalog/dto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ChevronRight, GitCompareArrows } from 'lucide-react';
import { pageContext } from '@/lib/auth/server';
import { getPrompt } from '@/lib/catalog/prompts';
import { getVersion } from '@/lib/catalog/versions';
import { orNotFound, segment } from '@/lib/http/pages';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ActorName } from '@/components/ui/actor-name';
import { RelativeTime } from '@/components/ui/relative-time';
import { ParamsDiff } from '@/components/compare/params-diff';
import { TextDiff } from '@/components/compare/text-diff';
import { VersionPickers } from '@/components/compare/version-pickers';

type Props = { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: `Compare · ${segment((await props.params).name)}` };
}

function pick(v: string | string[] | undefined, fallback: number, latest: number): number {
  const s = Array.isArray(v) ? v[0] : v;
  const n = s && /^\d{1,9}$/.test(s) ? Number(s) : fallback;
  return Math.min(Math.max(n, 1), latest);
}

/** The Bedrock bundle as text sections (pretty JSON), shown only where either version has something. */
function bundleSections(va: VersionDto, vb: VersionDto): { key: string; title: string; left: string; right: string }[] {
  const json = (x: unknown) => (x === null || x === undefined || (Array.isArray(x) && x.length === 0) ? '' : JSON.stringify(x, null, 2));
  const list = (x: string[]) => x.join('\n');
  const cache = (v: VersionDto) => list((v.cachePoints ?? []).map((c) => (c === 'system' ? 'after the system prompt' : `after message ${c + 1}`)));
  return [
    { key: 'tools', title: 'Tools', left: json(va.tools), right: json(vb.tools) },
    { key: 'toolChoice', title: 'Tool choice', left: json(va.toolChoice), right: json(vb.toolChoice) },
    { key: 'outputSchema', title: 'Output schema', left: json(va.outputSchema), right: json(vb.outputSchema) },
    { key: 'cachePoints', title: 'Cache points', left: cache(va), right: cache(vb) },
    { key: 'fallbacks', title: 'Fallbacks (in order)', left: list(va.fallbacks ?? []), right: list(vb.fallbacks ?? []) },
  ].filter((s) => s.left !== '' || s.right !== '');
}

export default async function ComparePage(props: Props) {
  const { ctx } = await pageContext();
  const name = segment((await props.params).name);
  const sp = await props.searchParams;
  const prompt = await orNotFound(getPrompt(ctx, name));
  const latest = prompt.latestVersion ?? 0;
  const base = `/prompts/${prompt.name}`;
  const crumbs = (
    <nav aria-label="Breadcrumb" className="mb-3 flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
      <Link href="/prompts" className="hover:text-zinc-900 dark:hover:text-zinc-100">
        Prompts
      </Link>
      <ChevronRight className="size-3" aria-hidden />
      <Link href={base} className="font-mono hover:text-zinc-900 dark:hover:text-zinc-100">
        {prompt.name}
      </Link>
      <ChevronRight className="size-3" aria-hidden />
      <span className="text-zinc-700 dark:text-zinc-300">Compare</span>
    </nav>
  );
  if (latest < 1) {
    return (
      <>
        {crumbs}
        <Card>
          <EmptyState icon={<GitCompareArrows />} title="Nothing to compare yet" description="This prompt has no versions." />
        </Card>
      </>
    );
  }
  const a = pick(sp.a, Math.max(latest - 1, 1), latest);
  const b = pick(sp.b, latest, latest);
  const view = sp.view === 'unified' ? 'unified' : 'split';
  const [va, vb] = await Promise.all([getVersion(ctx, name, a), getVersion(ctx, name, b)]);
  const count = Math.max(va.template.messages.length, vb.template.messages.length);
  const sections = [
    { key: 'system', title: 'System prompt', left: va.template.system ?? '', right: vb.template.system ?? '' },
    ...Array.from({ length: count }, (_, i) => {
      const ma = va.template.messages[i];
      const mb = vb.template.messages[i];
      const role = ma?.role === mb?.role || !ma || !mb ? (ma ?? mb)?.role : `${ma.role} → ${mb.role}`;
      return { key: `m${i}`, title: `Message ${i + 1}${role ? ` · ${role}` : ''}${!ma ? ' (only in v' + b + ')' : !mb ? ' (only in v' + a + ')' : ''}`, left: ma?.content ?? '', right: mb?.content ?? '' };
    }),
    ...bundleSections(va, vb),
  ];

  return (
    <>
      {crumbs}
      <PageHeader title="Compare versions" description={`${prompt.name}: v${a} and v${b}. Removed text is red, added text is green.`} />
      <Card className="mb-6 px-4 py-3">
        <VersionPickers prompt={prompt.name} a={a} b={b} latest={latest} view={view} />
      </Card>
      <div className="mb-6 grid gap-4 md:grid-cols-2">
        {[va, vb].map((v) => (
          <Card key={`${v.version}-${v === va ? 'a' : 'b'}`} className="min-w-0 px-4 py-3" data-testid="compare-commit">
            <p className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
              <Link href={`${base}/versions/${v.version}`} className="font-mono text-sm font-semibold text-zinc-900 hover:underline dark:text-zinc-100">
                v{v.version}
              </Link>
              <ActorName display={v.createdBy} actorRef={v.createdByRef} /> · <RelativeTime iso={v.createdAt} />
            </p>
            <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{v.commitMessage || <span className="text-zinc-400 italic">No commit message</span>}</p>
          </Card>
        ))}
      </div>
      <div className="space-y-6">
        <Card className="overflow-hidden">
          <CardHeader title="Model and parameters" />
          <ParamsDiff a={va} b={vb} />
        </Card>
        {sections.map((s) => (
          <Card key={s.key} className="overflow-hidden" data-testid="diff-section">
            <CardHeader title={s.title} description={s.left === s.right ? 'No changes' : undefined} />
            <TextDiff a={s.left} b={s.right} view={view} />
          </Card>
        ))}
      </div>
    </>
  );
}
