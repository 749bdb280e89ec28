import { importExamples } from '@/lib/datasets/import';
import { readImportRequest } from '@/lib/datasets/import-body';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** JSON Lines or CSV: a preview (dryRun) or an all-or-nothing import. */
export const POST = handler<{ dataset: string }>(async ({ ctx, params, req, query }) => json(await importExamples(ctx, params.dataset, await readImportRequest(req, query))));
