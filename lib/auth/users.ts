import type { ServiceContext } from '../context';
import type { Db } from '../db/client';
import { AppError, notFound } from '../errors';
import { isUniqueViolation } from '../catalog/prompts';
import { audit } from './audit';
import { decodeCursor, PageQuerySchema, toPage, type Page } from '../pagination';
import { beginLoginAttempt, loginSucceeded } from './login-limiter';
import { assertStrongPassword, judgePassword } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import type { UserDto } from './responses';
import { requirePermission, type Role } from './roles';
import { CreateUserSchema, LoginSchema, SetupSchema, UpdateUserSchema } from './schemas';

export type { UserDto };

type Row = { id: string; email: string; name: string; role: Role; createdAt: Date; lastLoginAt: Date | null; disabledAt: Date | null };
export const toUserDto = (u: Row): UserDto => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  createdAt: u.createdAt.toISOString(),
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  disabled: u.disabledAt !== null,
});

export async function hasUsers(db: Db): Promise<boolean> {
  return (await db.user.count()) > 0;
}

/**
 * The first-run page is open only on a brand-new instance: no user and no API key. An instance
 * started headless with PROMPTDECK_INIT_API_KEY is already claimed; its admins add users.
 */
export async function needsSetup(db: Pick<Db, 'user' | 'apiKey'>): Promise<boolean> {
  const [users, keys] = await Promise.all([db.user.count(), db.apiKey.count()]);
  return users === 0 && keys === 0;
}

const SETUP_LOCK = 72_410_532;

/** First-run: creates the first admin, only while there is no user at all. */
export async function createFirstAdmin(db: Db, raw: unknown): Promise<UserDto> {
  const input = SetupSchema.parse(raw);
  assertStrongPassword(input.password, [input.email, input.name]);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
    if (!(await needsSetup(tx))) throw new AppError('conflict', 'Promptdeck is already set up (it has users or API keys). Sign in, or ask an admin for an account.');
    const u = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, role: 'admin' } });
    await audit(tx, { kind: 'user', id: u.id, display: u.name }, 'user.setup', u.id, { email: u.email });
    return toUserDto(u);
  });
}

export async function createUser(ctx: ServiceContext, raw: unknown): Promise<UserDto> {
  requirePermission(ctx.actor, 'admin');
  const input = CreateUserSchema.parse(raw);
  assertStrongPassword(input.password, [input.email, input.name]);
  const passwordHash = await hashPassword(input.password);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const u = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, role: input.role } });
      await audit(tx, ctx.actor, 'user.create', u.id, { email: u.email, role: u.role });
      return toUserDto(u);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', `A user with email ${input.email} already exists.`, [{ path: 'email', message: 'Already in use.' }]);
    throw err;
  }
}

export async function listUsers(ctx: ServiceContext): Promise<UserDto[]> {
  requirePermission(ctx.actor, 'admin');
  return (await ctx.db.user.findMany({ orderBy: { email: 'asc' } })).map(toUserDto);
}

const isEmailCursor = (v: unknown): v is string => typeof v === 'string';

/** GET /api/v1/users: by email, `limit` and `cursor` like every list. */
export async function pageUsers(ctx: ServiceContext, rawQuery: unknown): Promise<Page<UserDto>> {
  requirePermission(ctx.actor, 'admin');
  const q = PageQuerySchema.parse(rawQuery ?? {});
  const after = decodeCursor(q.cursor, isEmailCursor);
  const rows = await ctx.db.user.findMany({ where: after !== undefined ? { email: { gt: after } } : {}, orderBy: { email: 'asc' }, take: q.limit + 1 });
  return toPage(rows, q.limit, toUserDto, (u) => u.email);
}

export async function updateUser(ctx: ServiceContext, id: string, raw: unknown): Promise<UserDto> {
  requirePermission(ctx.actor, 'admin');
  const input = UpdateUserSchema.parse(raw);
  if (ctx.actor.kind === 'user' && ctx.actor.id === id && (input.disabled || (input.role && input.role !== 'admin'))) {
    throw new AppError('conflict', 'You cannot demote or disable your own account; ask another admin.');
  }
  if (input.password) {
    const target = await ctx.db.user.findUnique({ where: { id } });
    if (!target) throw notFound('User');
    assertStrongPassword(input.password, [target.email, target.name]);
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return ctx.db.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id } });
    if (!found) throw notFound('User');
    const u = await tx.user.update({
      where: { id },
      data: {
        ...(input.role ? { role: input.role } : {}),
        ...(input.disabled !== undefined ? { disabledAt: input.disabled ? (found.disabledAt ?? new Date()) : null } : {}),
        ...(passwordHash ? { passwordHash } : {}),
      },
    });
    if (input.disabled || passwordHash) await tx.session.deleteMany({ where: { userId: id } });
    await audit(tx, ctx.actor, 'user.update', id, { role: input.role ?? null, disabled: input.disabled ?? null, passwordChanged: !!passwordHash });
    return toUserDto(u);
  });
}

/**
 * Checks credentials; returns the user or throws a deliberately vague 401. `address` is the
 * client's network address (lib/http/client-address.ts): attempts are limited per account and
 * per address (429 before the password is even checked).
 */
export async function verifyLogin(db: Db, raw: unknown, address = 'unknown'): Promise<UserDto> {
  const input = LoginSchema.parse(raw);
  await beginLoginAttempt(db, input.email, address);
  const u = await db.user.findUnique({ where: { email: input.email } });
  const ok = await verifyPassword(u?.passwordHash ?? null, input.password);
  if (!u || !ok || u.disabledAt) throw new AppError('unauthorized', 'Email or password is not correct.');
  await loginSucceeded(db, input.email, address);
  const updated = await db.user.update({ where: { id: u.id }, data: { lastLoginAt: new Date() } });
  return toUserDto(updated);
}

/** PROMPTDECK_INIT_ADMIN_EMAIL/PASSWORD: this admin exists afterwards, with this password. */
export async function ensureInitAdmin(db: Db, email: string, password: string): Promise<void> {
  const normalized = email.toLowerCase();
  const verdict = judgePassword(password, [normalized]);
  if (!verdict.ok) throw new Error(`PROMPTDECK_INIT_ADMIN_PASSWORD is refused: ${verdict.problem} Choose a longer, less common passphrase.`);
  const passwordHash = await hashPassword(password);
  await db.user.upsert({
    where: { email: normalized },
    create: { email: normalized, name: normalized.split('@')[0] ?? 'admin', passwordHash, role: 'admin' },
    update: { passwordHash, role: 'admin', disabledAt: null },
  });
}
