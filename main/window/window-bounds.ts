import { z } from 'zod';

export const Bounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Bounds = z.infer<typeof Bounds>;

export const defaultWindowSize = { width: 1000, height: 760 } as const;

/** How much of the title bar area must be on a screen for the window to count as reachable. */
const minimumVisible = { width: 120, height: 48 } as const;

/** Where the last window's bounds are kept (an electron-store file); read values are untrusted. */
export interface WindowStateStore {
  get(key: 'bounds'): unknown;
  set(key: 'bounds', value: Bounds): void;
}

/**
 * The bounds to open the window with: the saved ones when enough of the window's top (where it is dragged
 * from) lies inside one display's work area, so a window saved on a since-unplugged monitor never opens
 * off screen. Otherwise the default size, centred by Electron (no x/y).
 */
export function restorableBounds(
  saved: unknown,
  workAreas: readonly Bounds[],
): Bounds | { width: number; height: number } {
  const parsed = Bounds.safeParse(saved);
  if (!parsed.success) return { ...defaultWindowSize };
  const bounds = parsed.data;
  const titleBar: Bounds = { x: bounds.x, y: bounds.y, width: bounds.width, height: minimumVisible.height };
  const onScreen = workAreas.some((area) => {
    const overlap = intersection(titleBar, area);
    return overlap.width >= Math.min(minimumVisible.width, bounds.width) && overlap.height >= minimumVisible.height;
  });
  if (!onScreen) return { ...defaultWindowSize };
  return bounds;
}

function intersection(a: Bounds, b: Bounds): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}
