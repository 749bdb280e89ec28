import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { LabelNameSchema, PromptNameSchema } from '@/lib/catalog/schemas';
import { Playground } from '@/components/playground/playground';
import type { Target } from '@/components/playground/model';

export const metadata: Metadata = { title: 'Playground' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** `/playground?prompt=<name>&version=<n>` or `&label=<label>` opens a prompt ready to run. */
export default async function PlaygroundPage(props: Props) {
  const { user } = await pageContext();
  if (!can(user.actor, 'models:invoke')) forbidden(); // app/forbidden.tsx (a direct visit is refused by the console layout first)
  const sp = await props.searchParams;
  const prompt = PromptNameSchema.safeParse(one(sp.prompt));
  const version = one(sp.version);
  const label = LabelNameSchema.safeParse(one(sp.label));
  const target: Target | null = version && /^\d{1,9}$/.test(version) ? { kind: 'version', version: Number(version) } : label.success ? { kind: 'label', label: label.data } : null;
  return <Playground initialPrompt={prompt.success ? prompt.data : null} initialTarget={target} canWrite={can(user.actor, 'catalog:write')} />;
}
