import { z } from 'zod';
import { AppError } from '../errors';
import type { ActingParty } from './actor-ref';

export const ROLES = ['viewer', 'reviewer', 'editor', 'deployer', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/**
 * What each role may do. Authoring is a ladder (viewer < editor < deployer < admin);
 * `reviewer` sits beside it: it may read and work the feedback queue, not edit prompts.
 */
export const PERMISSIONS = {
  'catalog:read': ['viewer', 'reviewer', 'editor', 'deployer', 'admin'],
  'catalog:write': ['editor', 'deployer', 'admin'],
  'labels:move': ['deployer', 'admin'],
  /** Running prompts on Bedrock (gateway, playground) and reporting invocations. */
  'models:invoke': ['viewer', 'editor', 'deployer', 'admin'],
  /** Thumbs up/down on invocations: applications' end users and any signed-in person. */
  'feedback:give': ['viewer', 'reviewer', 'editor', 'deployer', 'admin'],
  'feedback:review': ['reviewer', 'admin'],
  'admin': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: 'Reads prompts, versions, labels and history.',
  reviewer: 'Reads the catalog and works the feedback review queue and datasets.',
  editor: 'Creates prompts and new versions.',
  deployer: 'Everything an editor does, plus deploying, rolling back and removing labels.',
  admin: 'Everything, plus users, API keys and settings.',
};

/**
 * Who is acting, with their role. Services record it with `actorColumns` (lib/auth/actor-ref.ts):
 * a typed reference (user or API key id) plus `display`, the person's name or the key's name.
 * `system` is the instance itself (demo data, start-up credentials): recorded untyped.
 */
export interface Actor extends ActingParty {
  role: Role;
}

export function can(actor: Pick<Actor, 'role'> | null | undefined, permission: Permission): boolean {
  return !!actor && (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

const PERMISSION_TEXT: Record<Permission, string> = {
  'catalog:read': 'read the catalog',
  'catalog:write': 'create prompts and versions (editor role or higher)',
  'labels:move': 'move labels (deployer role or higher)',
  'models:invoke': 'invoke models (viewer, editor, deployer or admin role)',
  'feedback:give': 'give feedback',
  'feedback:review': 'work the review queue and datasets (reviewer or admin role)',
  admin: 'administer Promptdeck (admin role)',
};

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new AppError('forbidden', `Your role (${actor.role}) is not allowed to ${PERMISSION_TEXT[permission]}.`);
  }
}
