import { describe, expect, it } from 'vitest';
import { commandLineOf, optionValues, type OptionType } from './command-line.ts';

const OPTIONS: Record<string, OptionType> = { name: 'string', flag: 'boolean' };
const read = (argv: string[], mode: 'strict' | 'lenient' = 'strict') =>
  optionValues(commandLineOf(argv), OPTIONS, mode);

describe('optionValues', () => {
  it('reads string options in both spellings, flags, and the last of a repeated option', () => {
    expect(read(['--name', 'a', '--flag', '--name=b', '--name='])).toEqual({
      values: { name: '', flag: true },
      given: ['name', 'flag', 'name', 'name'],
    });
  });

  it.each([
    [['--other'], "Unknown option '--other'"],
    [['-n'], "Unknown option '-n'"],
    [['--name'], "Option '--name <value>' argument missing"],
    [['--name', '--flag'], "Option '--name <value>' argument missing"],
    [['--flag=yes'], "Option '--flag' does not take an argument"],
    [['stray'], "Unexpected argument 'stray'. This command does not take positional arguments"],
    [['--', '--name'], "Unexpected argument '--name'. This command does not take positional arguments"],
  ])('strictly refuses %j, with the first fault', (argv, error) => {
    expect(read(argv).error).toBe(error);
  });

  it('leniently takes an unknown option with the argument after it, and refuses nothing', () => {
    const lenient = read(['--secret', 's3', '--other', '--name', 'n', 'stray'], 'lenient');
    expect(lenient).toEqual({ values: { secret: 's3', name: 'n' }, given: ['secret', 'other', 'name'] });
  });

  it('reads the same tokens as often as asked, the same way', () => {
    const line = commandLineOf(['--name', 'a']);
    expect(optionValues(line, OPTIONS, 'strict')).toEqual(optionValues(line, OPTIONS, 'strict'));
  });
});
