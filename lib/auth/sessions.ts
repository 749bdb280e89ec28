import { randomBytes } from 'node:crypto';
import { sealData, unsealData } from 'iron-session';
import type { Db } from '../db/client';
import { env } from '../env';
import type { Actor } from './roles';
import { toUserDto, type UserDto } from './users';

/**
 * Browser sessions: a row in Session (revocable, shared by every instance) whose id travels in
 * a cookie sealed and signed by iron-session. The sealing secret comes from
 * PROMPTDECK_SESSION_SECRET or, when unset, is generated once and kept in the database so that
 * all instances agree.
 */
export const SESSION_COOKIE = 'promptdeck_session';
export const SESSION_TTL_SECONDS = 14 * 24 * 3600;

const g = globalThis as unknown as { __promptdeckSecret?: Promise<string> };

export function sessionSecret(db: Db): Promise<string> {
  g.__promptdeckSecret ??= (async () => {
    const configured = env().PROMPTDECK_SESSION_SECRET;
    if (configured) return configured;
    const candidate = randomBytes(32).toString('base64url');
    await db.setting.upsert({ where: { key: 'session_secret' }, create: { key: 'session_secret', value: candidate }, update: {} });
    const row = await db.setting.findUniqueOrThrow({ where: { key: 'session_secret' } });
    return row.value;
  })().catch((err: unknown) => {
    g.__promptdeckSecret = undefined;
    throw err;
  });
  return g.__promptdeckSecret;
}

export async function createSession(db: Db, userId: string): Promise<{ cookieValue: string; maxAge: number }> {
  const id = randomBytes(32).toString('base64url');
  await db.session.create({ data: { id, userId, expiresAt: new Date(Date.now() + SESSION_TTL_SECONDS * 1000) } });
  const cookieValue = await sealData({ sid: id }, { password: await sessionSecret(db), ttl: SESSION_TTL_SECONDS });
  return { cookieValue, maxAge: SESSION_TTL_SECONDS };
}

async function sessionId(db: Db, cookieValue: string | undefined): Promise<string | null> {
  if (!cookieValue) return null;
  try {
    const data = await unsealData<{ sid?: string }>(cookieValue, { password: await sessionSecret(db), ttl: SESSION_TTL_SECONDS });
    return typeof data.sid === 'string' ? data.sid : null;
  } catch {
    return null;
  }
}

export interface SessionUser extends UserDto {
  actor: Actor;
}

export async function userFromSessionCookie(db: Db, cookieValue: string | undefined): Promise<SessionUser | null> {
  const sid = await sessionId(db, cookieValue);
  if (!sid) return null;
  const s = await db.session.findUnique({ where: { id: sid }, include: { user: true } });
  if (!s || s.expiresAt < new Date() || s.user.disabledAt) return null;
  const dto = toUserDto(s.user);
  return { ...dto, actor: { kind: 'user', id: dto.id, display: dto.name, role: dto.role } };
}

export async function destroySession(db: Db, cookieValue: string | undefined): Promise<void> {
  const sid = await sessionId(db, cookieValue);
  if (sid) await db.session.deleteMany({ where: { id: sid } });
}
