import { describe, expect, it } from 'vitest';
import { percentile } from './engagement';

describe('percentile (nearest rank)', () => {
  it('gives the median and p90 of a sorted list', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(ten, 0.5)).toBe(5);
    expect(percentile(ten, 0.9)).toBe(9);
    expect(percentile([7], 0.9)).toBe(7);
  });
});
