// The command line, read once. Which options it may hold depends on the document (the credentials it names give
// --token, --channel-key…), and which document is read depends on an option (--document); so argv is split into
// tokens once (node:util's parseArgs, its tokens mode), and those tokens are read twice: leniently for --document
// and the secrets (so that even a usage error is printed with them blanked), then strictly, once the document
// named every option.
import { parseArgs } from 'node:util';

export type OptionType = 'string' | 'boolean';

/** The command line as given, in parseArgs' tokens: nothing is judged yet. */
export interface CommandLine {
  readonly tokens: readonly Token[];
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/** The values read, by option name; `error` says what a strict reading refused first. */
export interface OptionValues {
  values: Record<string, string | boolean>;
  /** Options given (each by name) in the order given. */
  given: string[];
  error?: string;
}

/** The one place argv is parsed. */
export function commandLineOf(argv: readonly string[]): CommandLine {
  const { tokens } = parseArgs({ args: [...argv], strict: false, allowPositionals: true, tokens: true });
  return { tokens };
}

/**
 * The options of the command line, typed as `options` says. Strictly, an unknown option, a missing or unwanted
 * value and a stray argument are errors (the first is kept), worded as parseArgs words them. Leniently, an unknown
 * option takes the argument after it as its value, and nothing is an error.
 */
export function optionValues(
  line: CommandLine,
  options: Readonly<Record<string, OptionType>>,
  mode: 'strict' | 'lenient',
): OptionValues {
  const read: OptionValues = { values: {}, given: [] };
  const refuse = (message: string) => {
    if (mode === 'strict') read.error ??= message;
  };
  const tokens = line.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      refuse(`Unexpected argument '${token.value}'. This command does not take positional arguments`);
      continue;
    }
    const type = options[token.name] ?? (mode === 'lenient' ? 'string' : undefined);
    if (type === undefined) {
      refuse(`Unknown option '${token.rawName}'`);
      continue;
    }
    if (type === 'boolean') {
      if (token.inlineValue) refuse(`Option '${token.rawName}' does not take an argument`);
      else read.values[token.name] = true;
    } else {
      const next = tokens[i + 1];
      const value =
        token.value ?? (next?.kind === 'positional' && next.index === token.index + 1 ? next.value : undefined);
      if (token.value === undefined && value !== undefined) i++;
      if (value === undefined) refuse(`Option '${token.rawName} <value>' argument missing`);
      else read.values[token.name] = value;
    }
    read.given.push(token.name);
  }
  return read;
}
