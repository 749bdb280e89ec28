import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { getBedrockMetrics } from '@/lib/metrics/bedrock';

/** CloudWatch AWS/Bedrock series for a model (or all) with the label moves in the window. */
export const GET = handler(async ({ ctx, query }) => json(await getBedrockMetrics(ctx, query)));
