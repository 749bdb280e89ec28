import { ApiError } from './api';

/**
 * A clear sentence for a failed label move. On 409 label_conflict the server says where the label
 * points now; the caller refreshes the page so the user sees the current state.
 */
export function labelErrorMessage(e: unknown, label: string): string {
  if (e instanceof ApiError) {
    if (e.code === 'label_conflict') {
      const current = e.detail('currentVersion');
      return typeof current === 'number'
        ? `${label} was moved to v${current} by someone else meanwhile; showing the current state.`
        : `${label} was removed by someone else meanwhile; showing the current state.`;
    }
    return e.message;
  }
  return e instanceof Error ? e.message : 'Something went wrong.';
}

export const isConflict = (e: unknown) => e instanceof ApiError && (e.code === 'label_conflict' || e.code === 'nothing_to_rollback' || e.status === 404);
