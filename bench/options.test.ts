import { describe, expect, it } from 'vitest';
import { benchSettings, PARTS } from './options.ts';

describe('benchSettings', () => {
  it('has a default for every option', () => {
    expect(benchSettings([])).toMatchObject({ parts: new Set(PARTS), rounds: 3, durationS: 5, stored: 100_000 });
  });

  it('reads the parts and the counts', () => {
    const read = benchSettings(['--only', 'long-use, mock', '--rounds', '1', '--stored', '2000']);
    expect(read).toMatchObject({ parts: new Set(['long-use', 'mock']), rounds: 1, stored: 2000 });
  });

  it.each(['0x3', '1e3', ' 2 ', '0', '1.5'])('refuses --rounds %j, naming the option', (value) => {
    expect(() => benchSettings(['--rounds', value])).toThrow(
      `--rounds must be a whole number above 0 in decimal digits, got ${JSON.stringify(value)}`,
    );
  });

  it('refuses a part it does not have', () => {
    expect(() => benchSettings(['--only', 'mock,speed'])).toThrow(/not speed$/);
  });
});
