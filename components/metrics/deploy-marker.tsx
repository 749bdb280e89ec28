'use client';

import { format } from 'date-fns';
import { useState } from 'react';
import type { DeployMarker } from '@/lib/metrics/bedrock';

export const MARKER_STYLE: Record<DeployMarker['action'], { color: string; dash?: string; verb: string }> = {
  deploy: { color: '#6366f1', verb: 'deployed' },
  rollback: { color: '#f59e0b', dash: '5 3', verb: 'rolled back' },
  remove: { color: '#ef4444', dash: '2 3', verb: 'removed' },
  canary_start: { color: '#0ea5e9', dash: '1 3', verb: 'started a canary on' },
  canary_promote: { color: '#10b981', verb: 'promoted the canary of' },
  canary_stop: { color: '#64748b', dash: '1 3', verb: 'stopped the canary of' },
  guard_rollback: { color: '#dc2626', dash: '6 2', verb: 'ended (guard) the canary of' },
};

const v = (n: number | null) => (n === null ? 'none' : `v${n}`);

export function describeDeploy(d: DeployMarker): string {
  return `${d.actor} ${MARKER_STYLE[d.action].verb} ${d.prompt} ${d.label}: ${v(d.fromVersion)} → ${v(d.toVersion)}`;
}

/**
 * The flag at the top of a deploy line (Recharts hands it the line's viewBox); one flag per group
 * of moves made close together. A wide invisible strip along the line makes it easy to hover; it
 * is focusable so keyboards get the tooltip too.
 */
export function DeployFlag({ group, onHover, viewBox }: { group: DeployMarker[]; onHover: (x: number | null) => void; viewBox?: { x?: number; y?: number; height?: number } }) {
  const [focused, setFocused] = useState(false);
  const x = viewBox?.x ?? 0;
  const y = viewBox?.y ?? 0;
  const h = viewBox?.height ?? 0;
  const first = group[0];
  if (!first) return null;
  const action = group.every((g) => g.action === first.action) ? first.action : 'deploy';
  const s = MARKER_STYLE[action];
  const prompts = [...new Set(group.map((g) => g.prompt))];
  return (
    <g
      data-testid="deploy-marker"
      data-action={action}
      data-count={group.length}
      data-prompt={first.prompt}
      data-prompts={prompts.join(' ')}
      data-label={first.label}
      tabIndex={0}
      role="button"
      aria-label={group.length > 1 ? `${group.length} label moves: ${group.map(describeDeploy).join('; ')}` : describeDeploy(first)}
      className="cursor-pointer outline-none"
      // Recharts may draw reference-line labels in a layer that ignores the pointer.
      pointerEvents="all"
      onMouseEnter={() => onHover(x)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => {
        setFocused(true);
        onHover(x);
      }}
      onBlur={() => {
        setFocused(false);
        onHover(null);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onHover(null);
      }}
    >
      {/* A strip along the line: easy to hover. */}
      <rect x={x - 6} y={y - 16} width={12} height={h + 16} fill="transparent" />
      {focused ? <rect x={x - 9} y={y - 19} width={18} height={18} rx={4} fill="none" stroke="#6366f1" strokeWidth={2} /> : null}
      {group.length > 1 ? (
        // Several moves that would overlap: one numbered marker.
        <>
          <circle cx={x} cy={y - 10} r={7} fill={s.color} />
          <text x={x} y={y - 6.5} fontSize={9.5} fontWeight={600} fill="#fff" textAnchor="middle">
            {group.length > 9 ? '9+' : group.length}
          </text>
        </>
      ) : action === 'deploy' ? (
        <path d={`M${x - 5},${y - 14} L${x + 5},${y - 14} L${x},${y - 5} Z`} fill={s.color} />
      ) : action === 'rollback' ? (
        <circle cx={x} cy={y - 9} r={4.5} fill={s.color} />
      ) : (
        <rect x={x - 4} y={y - 13} width={8} height={8} fill={s.color} />
      )}
    </g>
  );
}

const TITLE = {
  deploy: 'Deploy',
  rollback: 'Rollback',
  remove: 'Label removed',
  canary_start: 'Canary started',
  canary_promote: 'Canary promoted',
  canary_stop: 'Canary stopped',
  guard_rollback: 'Guard rollback',
} as const;
const SHOWN = 6;

/** What the marker under the pointer means: prompt, label, from → to, who, why, when. */
export function DeployTooltip({ group, x, width }: { group: DeployMarker[]; x: number; width: number }) {
  // Beside the line, on the side with room (x is relative to the chart box).
  const place = width > 0 && x > width / 2 ? { right: Math.max(4, width - x + 10) } : { left: x + 10 };
  return (
    <div
      role="tooltip"
      data-testid="deploy-tooltip"
      className="pointer-events-none absolute top-1 z-10 w-72 divide-y divide-zinc-100 rounded-md border border-zinc-200 bg-white px-2.5 text-xs shadow-lg dark:divide-zinc-800 dark:border-zinc-700 dark:bg-zinc-900"
      style={place}
    >
      {group.slice(-SHOWN).reverse().map((d, i) => (
        <div key={`${d.at}-${i}`} className="py-1.5">
          <p className="flex items-center gap-1.5 font-medium text-zinc-900 dark:text-zinc-100">
            <span className="size-2 rounded-full" style={{ background: MARKER_STYLE[d.action].color }} aria-hidden />
            {TITLE[d.action]}
            <span className="ml-auto font-normal text-zinc-500 dark:text-zinc-400">{format(new Date(d.at), 'MMM d, HH:mm:ss')}</span>
          </p>
          <p className="mt-0.5 font-mono text-zinc-800 dark:text-zinc-200">
            {d.prompt} <span className="text-zinc-500 dark:text-zinc-400">{d.label}</span> {v(d.fromVersion)} → {v(d.toVersion)}
          </p>
          <p className="text-zinc-600 dark:text-zinc-400">
            by {d.actor}
            {d.reason ? <span className="italic"> · “{d.reason}”</span> : null}
          </p>
        </div>
      ))}
      {group.length > SHOWN ? <p className="py-1.5 text-zinc-500 dark:text-zinc-400">+{group.length - SHOWN} earlier moves (all in the list below the charts)</p> : null}
    </div>
  );
}
