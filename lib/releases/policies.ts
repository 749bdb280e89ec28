import type { ServiceContext } from '../context';
import { actorColumns, actorRefOf, type ActorType } from '../auth/actor-ref';
import { audit } from '../auth/audit';
import { requirePermission } from '../auth/roles';
import { SettableLabelSchema } from '../catalog/schemas';
import type { Prisma } from '../db/client';
import { AppError, notFound } from '../errors';
import type { LabelPolicyDto } from './responses';
import { PutPolicySchema } from './schemas';

type Tx = Prisma.TransactionClient;

type PolicyRow = {
  label: string;
  protected: boolean;
  approvals: number;
  gateDataset: string | null;
  gateMinPassRate: number | null;
  updatedAt: Date;
  updatedBy: string;
  updatedByType: ActorType | null;
  updatedById: string | null;
};

export function toPolicyDto(prompt: string, label: string, p: PolicyRow | null): LabelPolicyDto {
  if (!p) return { prompt, label, protected: false, approvals: 1, gate: null, updatedAt: null, updatedBy: null, updatedByRef: null };
  return {
    prompt,
    label,
    protected: p.protected,
    approvals: p.approvals,
    gate: p.gateDataset !== null && p.gateMinPassRate !== null ? { dataset: p.gateDataset, minPassRate: p.gateMinPassRate } : null,
    updatedAt: p.updatedAt.toISOString(),
    updatedBy: p.updatedBy,
    updatedByRef: actorRefOf(p, 'updatedBy'),
  };
}

function checkLabel(label: string): void {
  const parsed = SettableLabelSchema.safeParse(label);
  if (!parsed.success) throw new AppError('validation_error', `Label "${label}" cannot have a policy. ${parsed.error.issues[0]?.message ?? ''}`.trim(), [{ path: 'label', message: parsed.error.issues[0]?.message ?? 'Invalid label.' }]);
}

export async function getLabelPolicy(ctx: ServiceContext, name: string, label: string): Promise<LabelPolicyDto> {
  requirePermission(ctx.actor, 'catalog:read');
  checkLabel(label);
  const p = await ctx.db.prompt.findUnique({ where: { name }, select: { id: true, labelPolicies: { where: { label } } } });
  if (!p) throw notFound(`Prompt "${name}"`);
  return toPolicyDto(name, label, p.labelPolicies[0] ?? null);
}

/** Every label policy of a prompt (the labels panel). */
export async function listLabelPolicies(ctx: ServiceContext, name: string): Promise<LabelPolicyDto[]> {
  requirePermission(ctx.actor, 'catalog:read');
  const p = await ctx.db.prompt.findUnique({ where: { name }, select: { id: true, labelPolicies: { orderBy: { label: 'asc' } } } });
  if (!p) throw notFound(`Prompt "${name}"`);
  return p.labelPolicies.map((row) => toPolicyDto(name, row.label, row));
}

/** PUT .../labels/{label}/policy (admin), audited with the policy before and after. */
export async function putLabelPolicy(ctx: ServiceContext, name: string, label: string, raw: unknown): Promise<LabelPolicyDto> {
  requirePermission(ctx.actor, 'admin');
  checkLabel(label);
  const input = PutPolicySchema.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const p = await tx.prompt.findUnique({ where: { name }, select: { id: true } });
    if (!p) throw notFound(`Prompt "${name}"`);
    const before = await tx.labelPolicy.findUnique({ where: { promptId_label: { promptId: p.id, label } } });
    const gate = input.gate === undefined ? (before ? { dataset: before.gateDataset, minPassRate: before.gateMinPassRate } : { dataset: null, minPassRate: null }) : { dataset: input.gate?.dataset ?? null, minPassRate: input.gate?.minPassRate ?? null };
    const data = {
      protected: input.protected,
      approvals: input.approvals ?? before?.approvals ?? 1,
      gateDataset: gate.dataset,
      gateMinPassRate: gate.minPassRate,
      ...actorColumns('updatedBy', ctx.actor),
    };
    const row = await tx.labelPolicy.upsert({ where: { promptId_label: { promptId: p.id, label } }, create: { promptId: p.id, label, ...data }, update: data });
    const dto = toPolicyDto(name, label, row);
    const was = before ? toPolicyDto(name, label, before) : null;
    await audit(tx, ctx.actor, 'label_policy.set', `${name}/${label}`, {
      before: was ? { protected: was.protected, approvals: was.approvals, gate: was.gate } : null,
      after: { protected: dto.protected, approvals: dto.approvals, gate: dto.gate },
    });
    return dto;
  });
}

/** The policy of a label inside a transaction (null: none set). */
export function policyOf(tx: Tx, promptId: string, label: string) {
  return tx.labelPolicy.findUnique({ where: { promptId_label: { promptId, label } } });
}

/**
 * Refuses a direct move of a protected label (PUT .../labels/{label}, versions created with
 * `labels`, DELETE, promoting a canary): it moves only through an approved deploy request.
 * Rollback is exempt. `canaryVersion`: the refused move is a canary promotion, and the message
 * names the deploy request to open instead (for that version).
 */
export async function assertNotProtected(tx: Tx, promptId: string, promptName: string, label: string, opts: { canaryVersion?: number } = {}): Promise<void> {
  const p = await policyOf(tx, promptId, label);
  if (p?.protected) {
    const people = `${p.approvals} ${p.approvals === 1 ? 'person approves' : 'people approve'}`;
    const v = opts.canaryVersion;
    const message =
      v === undefined
        ? `Label "${label}" of "${promptName}" is protected: open a deploy request (POST /api/v1/prompts/${promptName}/deploy-requests); it moves once ${people}. Rollback stays available.`
        : `Label "${label}" of "${promptName}" is protected: a canary cannot be promoted without approval. Open a deploy request for version ${v} (POST /api/v1/prompts/${promptName}/deploy-requests with {"label": "${label}", "version": ${v}}); it moves once ${people}, and the canary keeps running until then. Stopping the canary and rollback stay available.`;
    throw new AppError('approval_required', message, {
      label,
      approvals: p.approvals,
      gate: p.gateDataset ? { dataset: p.gateDataset, minPassRate: p.gateMinPassRate } : null,
      ...(v === undefined ? {} : { version: v, deployRequest: { label, version: v } }),
    });
  }
}
