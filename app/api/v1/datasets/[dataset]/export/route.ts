import { exportExamples } from '@/lib/datasets/export';
import { handler } from '@/lib/http/handler';

/** Every example as a JSON Lines or CSV download. */
export const GET = handler<{ dataset: string }>(async ({ ctx, params, query }) => {
  const f = await exportExamples(ctx, params.dataset, query);
  return new Response(f.body, {
    headers: {
      'content-type': f.contentType,
      'content-disposition': `attachment; filename="${f.filename}"`,
      'x-dataset-revision': String(f.revision),
      'cache-control': 'no-store',
    },
  });
});
