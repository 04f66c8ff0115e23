// A cURL command for a request. Each placeholder (`{{channelKey}}`) is written as a shell expression (the
// credential's variable, `$CHANNEL_KEY`), so a secret is never printed and the line still runs.
import { placeholder, type Credential } from './credentials.ts';
import type { HttpRequest } from './requests.ts';

export interface CurlStyle {
  /** One option per line, joined by ` \`, for samples a person reads. */
  multiline?: boolean;
  /** `-i`: show the status line and headers (for reproducing a case). */
  showHeaders?: boolean;
}

/** Placeholder text → the shell expression that stands for it. */
export type ShellValues = Map<string, string>;

/** Each credential's placeholder as its environment variable: `{{channelKey}}` → `$CHANNEL_KEY`. */
export function shellValuesOf(credentials: Credential[]): ShellValues {
  return new Map(credentials.map((c) => [placeholder(c.key), `\${${c.env}}`]));
}

export function curlFor(baseUrl: string, request: HttpRequest, values: ShellValues, style: CurlStyle = {}): string {
  const quote = quoter(values);
  const url = quote(`${baseUrl.replace(/\/+$/, '')}${request.path}`);
  const parts = [`curl${style.showHeaders ? ' -i' : ''} -X ${request.method} ${url}`];
  for (const [name, value] of Object.entries(request.headers)) parts.push(`-H ${quote(`${name}: ${value}`)}`);
  if (request.body !== undefined && !['GET', 'HEAD'].includes(request.method)) {
    parts.push(`--data-raw ${bodyArgument(request.body, request.padTo, quote)}`);
  }
  return parts.join(style.multiline ? ' \\\n  ' : ' ');
}

/** Text with placeholders goes in double quotes with the shell expressions in place; other text in single quotes. */
function quoter(values: ShellValues) {
  return (text: string): string => {
    const marks = [...values.keys()].filter((mark) => text.includes(mark));
    if (marks.length === 0) return `'${text.replaceAll("'", `'\\''`)}'`;
    let escaped = text.replace(/["\\$`]/g, '\\$&');
    for (const mark of marks) escaped = escaped.replaceAll(mark.replace(/["\\$`]/g, '\\$&'), values.get(mark)!);
    return `"${escaped}"`;
  };
}

/** A body padded with spaces to a size is written as printf padding, so the line stays short. */
function bodyArgument(body: string, padTo: number | undefined, quote: (text: string) => string): string {
  return padTo === undefined ? quote(body) : `"$(printf '%-${padTo}s' ${quote(body)})"`;
}
