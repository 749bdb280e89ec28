'use client';

import { ROLE_DESCRIPTIONS, ROLES, type Role } from '@/lib/auth/roles';
import { Select } from '@/components/ui/input';

/** Native role select with the role's description beneath (for create dialogs). */
export function RoleSelect({ id, value, onChange }: { id: string; value: Role; onChange: (r: Role) => void }) {
  return (
    <div className="space-y-1.5">
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value as Role)} aria-describedby={`${id}-desc`}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </Select>
      <p id={`${id}-desc`} className="text-xs text-zinc-500 dark:text-zinc-400">
        {ROLE_DESCRIPTIONS[value]}
      </p>
    </div>
  );
}
