import type { Role } from '@/lib/auth/roles';
import { Badge, type BadgeTone } from '@/components/ui/badge';

const TONE: Record<Role, BadgeTone> = { admin: 'indigo', deployer: 'green', editor: 'amber', reviewer: 'neutral', viewer: 'neutral' };

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge tone={TONE[role]} data-testid="role-badge">
      {role}
    </Badge>
  );
}
