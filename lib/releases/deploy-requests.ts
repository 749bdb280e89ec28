import type { ServiceContext } from '../context';
import { actorColumns, actorRefOf, actorTypeOf, isActor, type ActorType } from '../auth/actor-ref';
import { audit } from '../auth/audit';
import { requirePermission, type Actor } from '../auth/roles';
import { applyLabelChange } from '../catalog/labels';
import { SettableLabelSchema } from '../catalog/schemas';
import type { Db, Prisma } from '../db/client';
import { AppError, notFound } from '../errors';
import { decodeCursor, toPage, type Page } from '../pagination';
import { noteLocalChange } from '../serving/epoch';
import { publishEvent } from '../webhooks/publish';
import { evaluateGate } from './gate';
import { policyOf } from './policies';
import type { DeployRequestDto, GateEvidenceDto } from './responses';
import { CreateDeployRequestSchema, DecisionSchema, ListDeployRequestsQuerySchema } from './schemas';

type Tx = Prisma.TransactionClient;
type Reader = Db | Tx;

const INCLUDE = {
  prompt: { select: { name: true, labels: { select: { name: true, version: true } }, labelPolicies: true } },
  decisions: { orderBy: { id: 'asc' as const } },
} as const;
type Row = Prisma.DeployRequestGetPayload<{ include: typeof INCLUDE }>;

function gateOf(row: Row): { dataset: string; minPassRate: number } | null {
  const p = row.prompt.labelPolicies.find((x) => x.label === row.label);
  return p?.gateDataset && p.gateMinPassRate !== null ? { dataset: p.gateDataset, minPassRate: p.gateMinPassRate } : null;
}

const decisionDto = (d: { approver: string; approverType: ActorType; approverId: string; comment: string; at: Date }) => ({
  by: d.approver,
  byRef: { type: d.approverType, id: d.approverId, display: d.approver },
  comment: d.comment,
  at: d.at.toISOString(),
});

async function toDto(db: Reader, row: Row): Promise<DeployRequestDto> {
  const gate = gateOf(row);
  const current = row.prompt.labels.find((l) => l.name === row.label)?.version ?? null;
  const rejection = row.decisions.find((d) => d.decision === 'reject');
  return {
    id: row.id,
    prompt: row.prompt.name,
    label: row.label,
    fromVersion: row.fromVersion,
    toVersion: row.toVersion,
    currentVersion: current,
    labelMovedSince: row.status === 'open' && current !== row.fromVersion,
    reason: row.reason,
    status: row.status,
    approvalsNeeded: row.approvalsNeeded,
    requestedBy: row.requestedBy,
    requestedByRef: actorRefOf(row, 'requestedBy'),
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    approvals: row.decisions.filter((d) => d.decision === 'approve').map(decisionDto),
    rejection: rejection ? decisionDto(rejection) : null,
    evidence: { gate: gate ? await evaluateGate(db, row.prompt.name, row.toVersion, gate) : null },
  };
}

async function load(db: Reader, id: string): Promise<Row> {
  const row = await db.deployRequest.findUnique({ where: { id }, include: INCLUDE });
  if (!row) throw notFound('Deploy request');
  return row;
}

/** The webhook payload of a request. */
const eventData = (r: DeployRequestDto) => ({
  id: r.id,
  prompt: r.prompt,
  label: r.label,
  fromVersion: r.fromVersion,
  toVersion: r.toVersion,
  status: r.status,
  reason: r.reason,
  requestedBy: r.requestedByRef,
  approvals: r.approvals.map((a) => a.byRef),
  rejection: r.rejection?.byRef ?? null,
  gate: r.evidence.gate,
});

/** POST /api/v1/prompts/{name}/deploy-requests (editor and up). */
export async function createDeployRequest(ctx: ServiceContext, name: string, raw: unknown): Promise<DeployRequestDto> {
  requirePermission(ctx.actor, 'catalog:write');
  const input = CreateDeployRequestSchema.parse(raw);
  const settable = SettableLabelSchema.safeParse(input.label);
  if (!settable.success) throw new AppError('label_reserved', `"${input.label}" always points at the newest version and cannot be requested.`);
  return ctx.db.$transaction(
    async (tx) => {
      const p = await tx.prompt.findUnique({ where: { name }, select: { id: true } });
      if (!p) throw notFound(`Prompt "${name}"`);
      const v = await tx.promptVersion.findUnique({ where: { promptId_version: { promptId: p.id, version: input.version } }, select: { id: true } });
      if (!v) throw notFound(`Version ${input.version} of "${name}"`);
      const current = (await tx.label.findUnique({ where: { promptId_name: { promptId: p.id, name: input.label } }, select: { version: true } }))?.version ?? null;
      if (current === input.version) throw new AppError('conflict', `Label "${input.label}" already points at version ${input.version}.`, { label: input.label, currentVersion: current });
      const policy = await policyOf(tx, p.id, input.label);
      const created = await tx.deployRequest.create({
        data: { promptId: p.id, label: input.label, fromVersion: current, toVersion: input.version, reason: input.reason ?? '', approvalsNeeded: policy?.approvals ?? 1, ...actorColumns('requestedBy', ctx.actor) },
      });
      const dto = await toDto(tx, await load(tx, created.id));
      await audit(tx, ctx.actor, 'deploy_request.create', created.id, { prompt: name, label: input.label, fromVersion: current, toVersion: input.version });
      await publishEvent(tx, 'deploy_request.created', eventData(dto));
      return dto;
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
}

export async function getDeployRequest(ctx: ServiceContext, id: string): Promise<DeployRequestDto> {
  requirePermission(ctx.actor, 'catalog:read');
  return toDto(ctx.db, await load(ctx.db, id));
}

/** GET /api/v1/deploy-requests?prompt=&label=&status=: newest first. */
export async function listDeployRequests(ctx: ServiceContext, rawQuery: unknown): Promise<Page<DeployRequestDto>> {
  requirePermission(ctx.actor, 'catalog:read');
  const q = ListDeployRequestsQuerySchema.parse(rawQuery ?? {});
  const before = decodeCursor(q.cursor, (v): v is string => typeof v === 'string');
  const where: Prisma.DeployRequestWhereInput = {};
  if (q.prompt) where.prompt = { name: q.prompt };
  if (q.label) where.label = q.label;
  if (q.status) where.status = q.status;
  if (before) where.id = { lt: before };
  const rows = await ctx.db.deployRequest.findMany({ where, orderBy: { id: 'desc' }, take: q.limit + 1, include: INCLUDE });
  const page = toPage(rows, q.limit, (r) => r, (r) => r.id);
  return { items: await Promise.all(page.items.map((r) => toDto(ctx.db, r))), nextCursor: page.nextCursor };
}

type Outcome = { kind: 'ok'; dto: DeployRequestDto } | { kind: 'stale'; dto: DeployRequestDto; current: number | null } | { kind: 'gate'; gate: GateEvidenceDto };

async function lockRequest(tx: Tx, id: string): Promise<{ promptId: string }> {
  const rows = await tx.$queryRaw<{ promptId: string }[]>`SELECT "promptId" FROM "DeployRequest" WHERE id = ${id} FOR UPDATE`;
  if (!rows[0]) throw notFound('Deploy request');
  return rows[0];
}

function assertOpen(row: Row): void {
  if (row.status !== 'open') throw new AppError('request_closed', `This deploy request is ${row.status}; it can no longer be decided.`, { status: row.status });
}

function assertFirstDecision(row: Row, actor: Actor): void {
  const type = actorTypeOf(actor);
  if (!type) return;
  if (row.decisions.some((d) => d.approverType === type && d.approverId === actor.id)) {
    throw new AppError('already_decided', 'You have already decided on this deploy request: one approval per person.');
  }
}

/**
 * POST /api/v1/deploy-requests/{id}/approve (deployer and up). Serialised per request (row lock
 * on the request) and per prompt (the same prompt row lock every label move takes), so two
 * approvals at once deploy exactly once and an approval racing a direct move or rollback sees it.
 */
export async function approveDeployRequest(ctx: ServiceContext, id: string, raw: unknown): Promise<DeployRequestDto> {
  requirePermission(ctx.actor, 'labels:move');
  const input = DecisionSchema.parse(raw ?? {});
  const type = actorTypeOf(ctx.actor);
  if (!type) throw new AppError('forbidden', 'Approvals need a person or an API key.');
  const outcome = await ctx.db.$transaction(
    async (tx): Promise<Outcome> => {
      const { promptId } = await lockRequest(tx, id);
      await tx.$queryRaw`SELECT id FROM "Prompt" WHERE id = ${promptId} FOR UPDATE`;
      const row = await load(tx, id);
      assertOpen(row);
      if (isActor(actorRefOf(row, 'requestedBy'), ctx.actor)) throw new AppError('self_approval', 'You opened this deploy request: someone else has to approve it (two-person rule).');
      assertFirstDecision(row, ctx.actor);
      const current = row.prompt.labels.find((l) => l.name === row.label)?.version ?? null;
      if (current !== row.fromVersion) {
        await tx.deployRequest.update({ where: { id }, data: { status: 'stale', decidedAt: new Date() } });
        const dto = await toDto(tx, await load(tx, id));
        await audit(tx, ctx.actor, 'deploy_request.stale', id, { label: row.label, fromVersion: row.fromVersion, currentVersion: current });
        await publishEvent(tx, 'deploy_request.decided', eventData(dto));
        return { kind: 'stale', dto, current };
      }
      const gate = gateOf(row);
      if (gate) {
        const evidence = await evaluateGate(tx, row.prompt.name, row.toVersion, gate);
        if (!evidence.passed) return { kind: 'gate', gate: evidence };
      }
      await tx.deployApproval.create({ data: { requestId: id, decision: 'approve', comment: input.comment ?? '', approver: ctx.actor.display, approverType: type, approverId: ctx.actor.id } });
      const approvals = row.decisions.filter((d) => d.decision === 'approve').length + 1;
      const policy = row.prompt.labelPolicies.find((x) => x.label === row.label);
      const needed = Math.max(row.approvalsNeeded, policy?.protected ? policy.approvals : 1);
      await audit(tx, ctx.actor, 'deploy_request.approve', id, { comment: input.comment ?? '', approvals, needed });
      if (approvals >= needed) {
        await applyLabelChange(tx, { id: promptId }, row.label, {
          action: 'deploy',
          from: current,
          to: row.toVersion,
          actor: ctx.actor,
          reason: `Deploy request ${id}${row.reason ? `: ${row.reason}` : ''}`,
          deployRequestId: id,
        });
        await tx.deployRequest.update({ where: { id }, data: { status: 'deployed', decidedAt: new Date() } });
        const dto = await toDto(tx, await load(tx, id));
        await publishEvent(tx, 'deploy_request.decided', eventData(dto));
        return { kind: 'ok', dto };
      }
      return { kind: 'ok', dto: await toDto(tx, await load(tx, id)) };
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
  if (outcome.kind === 'stale') {
    throw new AppError('stale_request', `Label "${outcome.dto.label}" moved since this request was opened (it pointed at ${outcome.dto.fromVersion ?? 'nothing'}, now ${outcome.current ?? 'nothing'}); the request is closed as stale. Open a new one.`, {
      fromVersion: outcome.dto.fromVersion,
      currentVersion: outcome.current,
    });
  }
  if (outcome.kind === 'gate') {
    const g = outcome.gate;
    const figures = g.passRate === null ? `no succeeded experiment of this version on dataset "${g.dataset}"` : `pass rate ${(g.passRate * 100).toFixed(1)}% on "${g.dataset}" is below ${(g.minPassRate * 100).toFixed(1)}%`;
    throw new AppError('gate_failed', `The gate is not met: ${figures}. Run an experiment of the version on the dataset first.`, g);
  }
  if (outcome.dto.status === 'deployed') noteLocalChange();
  return outcome.dto;
}

/** POST /api/v1/deploy-requests/{id}/reject {comment?}: closes it (deployers, or the requester withdrawing). */
export async function rejectDeployRequest(ctx: ServiceContext, id: string, raw: unknown): Promise<DeployRequestDto> {
  requirePermission(ctx.actor, 'catalog:write');
  const input = DecisionSchema.parse(raw ?? {});
  const type = actorTypeOf(ctx.actor);
  if (!type) throw new AppError('forbidden', 'Decisions need a person or an API key.');
  return ctx.db.$transaction(async (tx) => {
    await lockRequest(tx, id);
    const row = await load(tx, id);
    assertOpen(row);
    const own = isActor(actorRefOf(row, 'requestedBy'), ctx.actor);
    if (!own) requirePermission(ctx.actor, 'labels:move');
    assertFirstDecision(row, ctx.actor);
    await tx.deployApproval.create({ data: { requestId: id, decision: 'reject', comment: input.comment ?? '', approver: ctx.actor.display, approverType: type, approverId: ctx.actor.id } });
    await tx.deployRequest.update({ where: { id }, data: { status: 'rejected', decidedAt: new Date() } });
    const dto = await toDto(tx, await load(tx, id));
    await audit(tx, ctx.actor, 'deploy_request.reject', id, { comment: input.comment ?? '', withdrawn: own });
    await publishEvent(tx, 'deploy_request.decided', eventData(dto));
    return dto;
  });
}

/** Open requests (the nav badge). */
export async function openDeployRequestCount(ctx: ServiceContext): Promise<number> {
  requirePermission(ctx.actor, 'catalog:read');
  return ctx.db.deployRequest.count({ where: { status: 'open' } });
}
