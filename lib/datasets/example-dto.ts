import { actorRefOf, type StoredActorColumns } from '../auth/actor-ref';
import type { ExampleDto } from './responses';

export type ExampleRow = StoredActorColumns<'createdBy'> & {
  id: string;
  promptName: string | null;
  promptVersion: number | null;
  invocationId: string | null;
  variables: unknown;
  expectedOutput: string;
  tags: string[] | null;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
};

export const toExampleDto = (e: ExampleRow): ExampleDto => ({
  id: e.id,
  promptName: e.promptName,
  promptVersion: e.promptVersion,
  invocationId: e.invocationId,
  variables: (e.variables ?? {}) as Record<string, unknown>,
  expectedOutput: e.expectedOutput,
  tags: e.tags ?? [],
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
  createdBy: e.createdBy,
  createdByRef: actorRefOf(e, 'createdBy'),
});
