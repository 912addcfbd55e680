import { describe, expect, it } from 'vitest';
import { defaultWindowSize, restorableBounds } from '../../../../main/window/window-bounds';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('restorable window bounds', () => {
  it('puts the window back where it was when that place is on a display', () => {
    const saved = { x: 1600, y: 100, width: 1000, height: 800 };
    expect(restorableBounds(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('falls back to the default size, centred, when the monitor it was on is gone', () => {
    expect(restorableBounds({ x: 1600, y: 100, width: 1000, height: 800 }, [laptop])).toEqual(defaultWindowSize);
  });

  it('falls back when only a sliver of the title bar would be reachable', () => {
    expect(restorableBounds({ x: 1400, y: 10, width: 800, height: 600 }, [laptop])).toEqual(defaultWindowSize);
    expect(restorableBounds({ x: 100, y: 860, width: 800, height: 600 }, [laptop])).toEqual(defaultWindowSize);
    expect(restorableBounds({ x: 100, y: -500, width: 800, height: 600 }, [laptop])).toEqual(defaultWindowSize);
  });

  it.each([
    undefined,
    null,
    'big',
    { x: 1, y: 2 },
    { x: 0, y: 0, width: -5, height: 10 },
    { x: 0.5, y: 0, width: 9, height: 9 },
  ])('falls back on a missing or damaged saved value (%j)', (saved) => {
    expect(restorableBounds(saved, [laptop])).toEqual(defaultWindowSize);
  });
});
