import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { promptMetrics } from '@/lib/metrics/prompts';

/** Per-version figures from the local invocation log (default: the last 24 hours). */
export const GET = handler<{ name: string }>(async ({ ctx, params, query }) => json(await promptMetrics(ctx, params.name, query)));
