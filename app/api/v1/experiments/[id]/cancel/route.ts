import { handler } from '@/lib/http/handler';
import { NoBodySchema } from '@/lib/http/no-body';
import { json } from '@/lib/http/respond';
import { cancelExperiment } from '@/lib/experiments/service';

export const POST = handler<{ id: string }>(async ({ ctx, params, body }) => {
  NoBodySchema.parse(await body());
  return json(await cancelExperiment(ctx, params.id));
});
