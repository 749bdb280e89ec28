import { listPrompts } from '@/lib/catalog/prompts';
import { pageContext } from '@/lib/auth/server';

export default async function PromptsPage() {
  const { ctx } = await pageContext();
  const page = await listPrompts(ctx, {});
  return (
    <main className="p-6">
      <h1 className="text-xl font-semibold">Prompts</h1>
      <ul>{page.items.map((p) => <li key={p.name}>{p.name}</li>)}</ul>
    </main>
  );
}
