// A cURL line that reproduces a case, with the secrets as shell variables ($TOKEN, $CHANNEL_KEY).
import { CHANNEL_KEY, TOKEN, type CaseRequest } from './case.ts';

export function curlFor(baseUrl: string, request: CaseRequest): string {
  const parts = [`curl -i -X ${request.method} ${quote(`${baseUrl.replace(/\/+$/, '')}${request.path}`)}`];
  for (const [name, value] of Object.entries(request.headers)) parts.push(`-H ${quote(`${name}: ${value}`)}`);
  if (request.body !== undefined && !['GET', 'HEAD'].includes(request.method))
    parts.push(`--data-raw ${bodyArgument(request.body)}`);
  return parts.join(' ');
}

/** Placeholders become shell variables inside double quotes; everything else is single-quoted. */
function quote(text: string): string {
  if (!text.includes(TOKEN) && !text.includes(CHANNEL_KEY)) return `'${text.replaceAll("'", `'\\''`)}'`;
  const escaped = text.replace(/["\\$`]/g, '\\$&');
  return `"${escaped.replaceAll(TOKEN, '$TOKEN').replaceAll(CHANNEL_KEY, '$CHANNEL_KEY')}"`;
}

/** A long body padded with spaces (the size case) is written as printf padding, so the line stays short. */
function bodyArgument(body: string): string {
  const content = body.trimEnd();
  if (body.length > 1000 && content.length < 1000) return `"$(printf '%-${body.length}s' ${quote(content)})"`;
  return quote(body);
}
