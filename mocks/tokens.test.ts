import { describe, expect, it } from 'vitest';
import { createTokens } from './tokens.ts';

describe('the tokens the mock accepts', () => {
  it('keeps the newest issued tokens within the cap, and every static one', () => {
    const tokens = createTokens(['static-a', 'static-b'], 2);
    const [first, second, third] = [tokens.issue(), tokens.issue(), tokens.issue()];
    expect([first, second, third].map((token) => tokens.knows(token))).toEqual([false, true, true]);
    expect([tokens.knows('static-a'), tokens.knows('static-b'), tokens.knows('other')]).toEqual([true, true, false]);
  });

  it('issues a new token each time', () => {
    const tokens = createTokens([]);
    expect(tokens.issue()).toMatch(/^mock-issued-/);
    expect(tokens.issue()).not.toBe(tokens.issue());
  });

  it('forgets the issued tokens on reset, not the static ones', () => {
    const tokens = createTokens(['static']);
    const issued = tokens.issue();
    tokens.forgetIssued();
    expect([tokens.knows(issued), tokens.knows('static')]).toEqual([false, true]);
  });
});
