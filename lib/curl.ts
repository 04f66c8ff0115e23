// A cURL command for a request, with each credential placeholder (`{{channelKey}}`) written as the shell
// variable of that credential (`$CHANNEL_KEY`), so a secret is never printed and the line still runs.
import type { Credential } from './credentials.ts';
import { placeholder } from './credentials.ts';
import type { HttpRequest } from './requests.ts';

export interface CurlStyle {
  /** One option per line, joined by ` \`, for samples a person reads. */
  multiline?: boolean;
  /** `-i`: show the status line and headers (for reproducing a case). */
  showHeaders?: boolean;
}

export function curlFor(baseUrl: string, request: HttpRequest, credentials: Credential[], style: CurlStyle = {}): string {
  const quote = quoter(credentials);
  const parts = [
    `curl${style.showHeaders ? ' -i' : ''} -X ${request.method} ${quote(`${baseUrl.replace(/\/+$/, '')}${request.path}`)}`,
  ];
  for (const [name, value] of Object.entries(request.headers)) parts.push(`-H ${quote(`${name}: ${value}`)}`);
  if (request.body !== undefined && !['GET', 'HEAD'].includes(request.method)) {
    parts.push(`--data-raw ${bodyArgument(request.body, quote)}`);
  }
  return parts.join(style.multiline ? ' \\\n  ' : ' ');
}

/** Placeholders become shell variables inside double quotes; everything else is single-quoted. */
function quoter(credentials: Credential[]) {
  const variables = credentials.map((c) => [placeholder(c.key), `$${c.env}`] as const);
  return (text: string): string => {
    if (!variables.some(([mark]) => text.includes(mark))) return `'${text.replaceAll("'", `'\\''`)}'`;
    let escaped = text.replace(/["\\$`]/g, '\\$&');
    for (const [mark, variable] of variables) escaped = escaped.replaceAll(mark, variable);
    return `"${escaped}"`;
  };
}

/** A long body padded with spaces (the size case) is written as printf padding, so the line stays short. */
function bodyArgument(body: string, quote: (text: string) => string): string {
  const content = body.trimEnd();
  if (body.length > 1000 && content.length < 1000) return `"$(printf '%-${body.length}s' ${quote(content)})"`;
  return quote(body);
}
