import { describe, expect, it } from 'vitest';
import { NEXT_STATUSES, STATUS_BADGE_COLOURS, STATUSES } from './generated/contract';

/** WCAG 2 relative luminance of "#rrggbb". */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('the contract generated from infra/openapi.yaml', () => {
  it('gives every status a badge colour that carries white text at WCAG AA (4.5:1)', () => {
    for (const status of STATUSES) {
      const contrast = 1.05 / (luminance(STATUS_BADGE_COLOURS[status]) + 0.05);
      expect(contrast, `${status} ${STATUS_BADGE_COLOURS[status]}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('moves only between known statuses, and never from an order to itself', () => {
    expect(Object.keys(NEXT_STATUSES).sort()).toEqual([...STATUSES].sort());
    for (const [from, to] of Object.entries(NEXT_STATUSES)) {
      to.forEach((status) => expect(STATUSES).toContain(status));
      expect(to).not.toContain(from);
    }
  });
});
