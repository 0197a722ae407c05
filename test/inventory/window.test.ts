import { describe, expect, it } from 'vitest';
import { parseWindow } from '../../src/inventory/window.js';

describe('parseWindow', () => {
  it.each([
    ['2d..3d', { from: 2, to: 3 }],
    ['48h..72h', { from: 2, to: 3 }],
    [' 7d .. 14d ', { from: 7, to: 14 }],
    ['P2D/P3D', { from: 2, to: 3 }],
    ['-7d..-1d', { from: -7, to: -1 }],
  ])('reads %s', (text, window) => {
    expect(parseWindow(text)).toEqual(window);
  });

  it.each(['3d', '2d..', 'a..b', '1d..2d..3d', 'P2D/'])('refuses %s', (text) => {
    expect(parseWindow(text)).toBeUndefined();
  });
});
