import { afterEach, describe, expect, it, vi } from 'vitest';
import { needs } from './needs.ts';

afterEach(() => vi.restoreAllMocks());

describe('needs', () => {
  it('is true when the path is there, and says nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(needs('a test', import.meta.filename, 'never missing', false)).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it('outside CI, is false for a missing path and says what is skipped and how to get it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(needs('the browser test', '/no/such/chromium', 'apt-get install chromium', false)).toBe(false);
    expect(warn).toHaveBeenCalledWith(
      'skipped: the browser test: /no/such/chromium is missing (apt-get install chromium)',
    );
  });

  it('in CI, fails for a missing path: CI never passes by skipping', () => {
    expect(() => needs('the browser test', '/no/such/chromium', 'apt-get install chromium', true)).toThrow(
      'the browser test: /no/such/chromium is missing (apt-get install chromium); CI must have it',
    );
  });
});
