import { describe, expect, it } from 'vitest';
import { actorColumns, actorRefFor, actorRefOf, actorWhere, ActorRefSchema, isActor, noActorColumns } from './actor-ref';

describe('actor references', () => {
  const ann = { kind: 'user', id: 'u1', display: 'Ann Lee' } as const;
  const bot = { kind: 'apiKey', id: 'k1', display: 'deploy-bot' } as const;
  const seed = { kind: 'system', id: 'demo-seed', display: 'demo-seed' } as const;

  it('turns an acting party into the columns of a prefix, and reads them back', () => {
    expect(actorColumns('createdBy', ann)).toEqual({ createdBy: 'Ann Lee', createdByType: 'user', createdById: 'u1' });
    expect(actorColumns('actor', bot)).toEqual({ actor: 'deploy-bot', actorType: 'api_key', actorId: 'k1' });
    // The instance itself is recorded untyped, by its display only.
    expect(actorColumns('createdBy', seed)).toEqual({ createdBy: 'demo-seed', createdByType: null, createdById: null });
    expect(actorRefOf(actorColumns('caller', bot), 'caller')).toEqual({ type: 'api_key', id: 'k1', display: 'deploy-bot' });
    expect(actorRefOf(actorColumns('caller', seed), 'caller')).toBeNull();
    expect(actorRefOf(noActorColumns('assignee'), 'assignee')).toBeNull();
    expect(ActorRefSchema.parse(actorRefFor(ann))).toEqual({ type: 'user', id: 'u1', display: 'Ann Lee' });
    expect(actorRefFor(seed)).toBeNull();
  });

  it('compares by type and id, never by display', () => {
    const ref = actorRefFor(ann);
    expect(isActor(ref, ann)).toBe(true);
    expect(isActor(ref, { kind: 'user', id: 'u2' })).toBe(false);
    expect(isActor(ref, { kind: 'apiKey', id: 'u1' })).toBe(false);
    expect(isActor(null, ann)).toBe(false);
    expect(actorWhere('assignee', bot)).toEqual({ assigneeType: 'api_key', assigneeId: 'k1' });
    expect(actorWhere('assignee', seed)).toEqual({ assigneeId: { in: [] } });
  });
});
