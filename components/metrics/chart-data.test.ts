import { describe, expect, it } from 'vitest';
import type { DeployMarker } from '@/lib/metrics/bedrock';
import { groupDeploys, MARKER_MIN_PX } from './chart-data';

const at = (min: number, prompt = `p${min}`): DeployMarker => ({ prompt, label: 'production', action: 'deploy', fromVersion: 1, toVersion: 2, actor: 'a', actorRef: null, reason: '', at: new Date(Date.UTC(2026, 0, 1, 0, min)).toISOString(), modelIds: [] });
const domain: [number, number] = [Date.UTC(2026, 0, 1, 0, 0), Date.UTC(2026, 0, 1, 1, 0)]; // one hour

describe('groupDeploys', () => {
  it('puts moves whose markers would overlap at this width into one marker, and keeps the others apart', () => {
    // 600 px for 60 minutes: 10 px a minute, so moves less than ~2 minutes apart collide.
    const groups = groupDeploys([at(10), at(11), at(20), at(40), at(41), at(42)], domain, 600);
    expect(groups.map((g) => g.map((d) => d.prompt))).toEqual([['p10', 'p11'], ['p20'], ['p40', 'p41'], ['p42']]);
  });

  it('groups more on a narrow chart (a phone), less on a wide one', () => {
    const moves = [at(10), at(13), at(16)];
    expect(groupDeploys(moves, domain, 120)).toHaveLength(1);
    expect(groupDeploys(moves, domain, 1200)).toHaveLength(3);
    // Every move is in exactly one group.
    expect(groupDeploys(moves, domain, 300).flat()).toHaveLength(3);
    expect(MARKER_MIN_PX).toBeGreaterThanOrEqual(16);
  });
});
