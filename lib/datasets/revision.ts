import type { Prisma } from '../db/client';

type Writer = Pick<Prisma.TransactionClient, 'dataset'>;

/**
 * Every change to a dataset's examples (add, bulk add, edit, delete, import) calls this inside
 * the transaction that makes the change, so the revision an experiment records names exactly
 * one set of examples: the row lock taken by the UPDATE also orders concurrent changes.
 * Returns the new revision.
 */
export async function bumpRevision(tx: Writer, datasetId: string): Promise<number> {
  const d = await tx.dataset.update({ where: { id: datasetId }, data: { revision: { increment: 1 }, updatedAt: new Date() }, select: { revision: true } });
  return d.revision;
}
