'use client';

import { format } from 'date-fns';
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { Area, Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DeployMarker } from '@/lib/metrics/bedrock';
import { Card, CardHeader } from '@/components/ui/card';
import { groupDeploys, type Row } from './chart-data';
import { DeployFlag, DeployTooltip, MARKER_STYLE } from './deploy-marker';

export interface SeriesSpec {
  key: keyof Row;
  name: string;
  color: string;
  kind?: 'line' | 'area' | 'bar';
  axis?: 'left' | 'right';
  dashed?: boolean;
  /** Draw points (gauges such as latency or a rate, where a lone bucket has no line to show). */
  dots?: boolean;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
/** The box's padding and the left axis: what the plot area does not get of the box's width. */
const PLOT_INSET = 16 + 64;

/** An element's width, kept up to date (charts resize with the window). */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(600);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setWidth(el.clientWidth);
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

function ChartTooltip({ active, payload, label, unit, rightUnit, specs }: { active?: boolean; payload?: readonly { dataKey?: unknown; value?: unknown; color?: string }[]; label?: unknown; unit: (v: number) => string; rightUnit: (v: number) => string; specs: SeriesSpec[] }) {
  if (!active || !payload?.length || typeof label !== 'number') return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-2.5 py-1.5 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
      <p className="mb-1 font-medium text-zinc-900 dark:text-zinc-100">{format(new Date(label), 'MMM d, HH:mm')}</p>
      {payload.map((p) => {
        const spec = specs.find((s) => s.key === p.dataKey);
        if (!spec) return null;
        const v = typeof p.value === 'number' ? (spec.axis === 'right' ? rightUnit(p.value) : unit(p.value)) : '—';
        return (
          <p key={String(spec.key)} className="flex items-center justify-between gap-4 text-zinc-600 dark:text-zinc-300">
            <span className="inline-flex items-center gap-1.5">
              <span className="size-2 rounded-full" style={{ background: spec.color }} aria-hidden />
              {spec.name}
            </span>
            <span className="font-mono tabular-nums">{v}</span>
          </p>
        );
      })}
    </div>
  );
}

/** One CloudWatch chart over the window, with every label move drawn as a vertical marker. */
export function MetricChart({
  metric,
  title,
  description,
  rows,
  specs,
  domain,
  deploys,
  unit = (v) => compact.format(v),
  rightUnit = (v) => `${v}%`,
}: {
  metric: string;
  title: string;
  description?: string;
  rows: Row[];
  specs: SeriesSpec[];
  domain: [number, number];
  deploys: DeployMarker[];
  unit?: (v: number) => string;
  rightUnit?: (v: number) => string;
}) {
  const [hover, setHover] = useState<{ group: DeployMarker[]; x: number; width: number } | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const boxWidth = useWidth(boxRef);
  const long = domain[1] - domain[0] > 36 * 3_600_000;
  const tick = (t: number) => format(new Date(t), long ? 'MMM d HH:mm' : 'HH:mm');
  const right = specs.some((s) => s.axis === 'right');
  return (
    <Card data-testid="metrics-chart" data-metric={metric} data-points={rows.length}>
      <CardHeader title={title} description={description} />
      <div ref={boxRef} className="relative px-2 pt-3 pb-1 text-zinc-500 dark:text-zinc-400" onMouseLeave={() => setHover(null)}>
        <ResponsiveContainer width="100%" height={220}>
          <ComposedChart data={rows} margin={{ top: 20, right: right ? 4 : 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
            <XAxis dataKey="t" type="number" scale="time" domain={domain} tickFormatter={tick} tick={{ fill: 'currentColor', fontSize: 11 }} stroke="currentColor" strokeOpacity={0.3} minTickGap={40} />
            <YAxis yAxisId="left" tickFormatter={(v: number) => unit(v)} tick={{ fill: 'currentColor', fontSize: 11 }} stroke="currentColor" strokeOpacity={0.3} width={64} allowDecimals={false} />
            {right ? <YAxis yAxisId="right" orientation="right" domain={[0, 100]} tickFormatter={(v: number) => rightUnit(v)} tick={{ fill: 'currentColor', fontSize: 11 }} stroke="currentColor" strokeOpacity={0.3} width={44} /> : null}
            <Tooltip content={(p) => <ChartTooltip active={p.active} payload={p.payload} label={p.label} unit={unit} rightUnit={rightUnit} specs={specs} />} cursor={{ stroke: 'currentColor', strokeOpacity: 0.3 }} />
            {specs.map((s) => {
              const key = String(s.key);
              const common = { dataKey: s.key, name: s.name, yAxisId: s.axis ?? 'left', isAnimationActive: false } as const;
              if (s.kind === 'bar') return <Bar key={key} {...common} fill={s.color} fillOpacity={0.8} />;
              if (s.kind === 'area') return <Area key={key} {...common} type="linear" stroke={s.color} fill={s.color} fillOpacity={0.15} strokeWidth={1.5} />;
              return <Line key={key} {...common} type="linear" stroke={s.color} strokeWidth={1.5} dot={s.dots ? { r: 2, fill: s.color, strokeWidth: 0 } : false} connectNulls={false} strokeDasharray={s.dashed ? '4 3' : undefined} />;
            })}
            {groupDeploys(deploys, domain, boxWidth - PLOT_INSET - (right ? 48 : 16)).map((group) => {
              const d = group[0];
              if (!d) return null;
              const style = MARKER_STYLE[group.every((g) => g.action === d.action) ? d.action : 'deploy'];
              return (
                <ReferenceLine
                  key={`${d.at}-${d.prompt}-${d.label}`}
                  x={Date.parse(d.at)}
                  yAxisId="left"
                  stroke={style.color}
                  strokeDasharray={style.dash}
                  strokeWidth={1.5}
                  label={<DeployFlag group={group} onHover={(x) => setHover(x === null ? null : { group, x, width: boxRef.current?.clientWidth ?? 0 })} />}
                />
              );
            })}
          </ComposedChart>
        </ResponsiveContainer>
        {hover ? <DeployTooltip group={hover.group} x={hover.x} width={hover.width} /> : null}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 px-4 pb-3 text-xs text-zinc-600 dark:text-zinc-400" aria-label="Legend">
        {specs.map((s) => (
          <li key={String(s.key)} className="inline-flex items-center gap-1.5">
            <span className="h-0.5 w-3 rounded" style={{ background: s.color }} aria-hidden />
            {s.name}
            {s.axis === 'right' ? ' (right axis)' : ''}
          </li>
        ))}
      </ul>
    </Card>
  );
}
