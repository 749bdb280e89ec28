/** The review queue keeps its filters in the URL (shareable, back button works). */
export interface ReviewFilters {
  status?: string;
  prompt?: string;
  version?: string;
  model?: string;
  age?: string;
  assignee?: string;
  order?: string;
}

export const AGES = [
  { value: '', label: 'Any age' },
  { value: 'lt1h', label: 'Under 1 hour', maxAgeHours: 1 },
  { value: 'lt24h', label: 'Under 24 hours', maxAgeHours: 24 },
  { value: 'gt24h', label: 'Waiting over a day', minAgeHours: 24 },
  { value: 'gt7d', label: 'Waiting over a week', minAgeHours: 168 },
] as const;

export const STATUSES = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'dismissed', label: 'Dismissed' },
] as const;

export const ASSIGNEES = [
  { value: 'any', label: 'Anyone' },
  { value: 'me', label: 'Assigned to me' },
  { value: 'unassigned', label: 'Unassigned' },
] as const;

const KEYS = ['status', 'prompt', 'version', 'model', 'age', 'assignee', 'order'] as const;

export function reviewHref(f: ReviewFilters): string {
  const sp = new URLSearchParams();
  for (const k of KEYS) {
    const v = f[k];
    if (!v) continue;
    if (k === 'version' && !f.prompt) continue;
    if ((k === 'status' && v === 'open') || (k === 'assignee' && v === 'any') || (k === 'order' && v === 'oldest')) continue;
    sp.set(k, v);
  }
  const s = sp.toString();
  return s ? `/review?${s}` : '/review';
}

export const hasReviewFilters = (f: ReviewFilters) => reviewHref(f) !== '/review';

/** The query for listQueue / GET /api/v1/review-queue. */
export function queueQuery(f: ReviewFilters, limit = 25): Record<string, string> {
  const age = AGES.find((a) => a.value === f.age);
  const q: Record<string, string> = { limit: String(limit) };
  if (f.status) q.status = f.status;
  if (f.prompt) q.prompt = f.prompt;
  if (f.prompt && f.version) q.version = f.version;
  if (f.model) q.modelId = f.model;
  if (age && 'maxAgeHours' in age) q.maxAgeHours = String(age.maxAgeHours);
  if (age && 'minAgeHours' in age) q.minAgeHours = String(age.minAgeHours);
  if (f.assignee) q.assignee = f.assignee;
  if (f.order) q.order = f.order;
  return q;
}
