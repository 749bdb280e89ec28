import { listPrices } from '@/lib/aws/pricing';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** Model prices ($ per 1M tokens): the built-in table with admins' overrides. */
export const GET = handler(async ({ ctx }) => json(await listPrices(ctx)));
