// The error catalogue of the docs: every error the document answers, per operation and for requests that reach
// none, made from the examples of its error responses (each marked `x-error-case`).
import { STATUS_CODES } from 'node:http';
import { isObject, type Contract, type DocumentedResponse } from '../../lib/contract.ts';

export const CATALOGUE_TAG = 'Error catalogue';

/**
 * Markdown: a heading per operation (and one for requests that reach none), under it per error status a paragraph
 * led by the status that says whether it is sourced or decided and why, then a table with a row per error
 * example. The status leads a paragraph, not a heading of its own: Redoc makes every heading of a tag's text a
 * section (set apart by wide margins) and a sidebar entry, so each status stood alone between empty bands, and
 * the sidebar listed "400 Bad Request" once per operation.
 */
export function errorCatalogue(contract: Contract): string {
  return [
    "Every error this API answers, made from the examples of the document's error responses. A status marked",
    '**Decision** is not in the article: this contract chose it (see *What is sourced and what is decided* in the',
    'introduction). A message without a code has none in the article; tell those apart by status and message.',
    ...catalogueGroups(contract).flatMap(({ title, responses }) => [
      '',
      `## ${title}`,
      ...errorResponses(responses).flatMap((r) => [
        '',
        `**${statusText(r)}${decidedStatus(r) ? ' · Decision' : ''}.** ${r.description}`,
        '',
        ...errorTable(r),
      ]),
    ]),
  ].join('\n');
}

/**
 * The catalogue's groups, each under its title: one per operation, then one for requests that reach none. A group
 * with no error to list is left out, so that no heading stands alone.
 */
export function catalogueGroups(contract: Contract): { title: string; responses: DocumentedResponse[] }[] {
  return [
    ...contract.operations.map((op) => ({ title: `${op.summary}: ${op.method} ${op.path}`, responses: op.responses })),
    { title: 'Any request that reaches no operation', responses: contract.routeErrors },
  ].filter((group) => errorResponses(group.responses).length > 0);
}

/** The responses the catalogue lists: error statuses with at least one example marked `x-error-case`. */
export function errorResponses(responses: DocumentedResponse[]): DocumentedResponse[] {
  return responses.filter((r) => Number(r.status) >= 400 && r.examples.some((ex) => ex.errorCase));
}

function errorTable(response: DocumentedResponse): string[] {
  const rows = response.examples
    .filter((ex) => ex.errorCase)
    .map((ex) => {
      const value = isObject(ex.value) ? ex.value : {};
      const message = typeof value.message === 'string' ? value.message : '';
      const [happens, fix] = (ex.description ?? plain(response.description)).split(/\s*Fix:\s*/);
      const when = ex.summary && !ex.summary.startsWith(message) ? `${ex.summary}: ${happens}` : happens;
      const code = typeof value.code === 'string' ? `\`${value.code}\`` : '–';
      return `| ${[message, code, when || '–', capitalise(fix) || '–'].map(cell).join(' | ')} |`;
    });
  return ['| Message | Code | When it happens | How to fix |', '|---|---|---|---|', ...rows];
}

function statusText(response: DocumentedResponse): string {
  return `${response.status} ${STATUS_CODES[Number(response.status)] ?? ''}`.trim();
}

/** A decision when the response says *Decision*, unless it names the article (*Source*) for its status. */
function decidedStatus(response: DocumentedResponse): boolean {
  return response.description.includes('*Decision:*') && !/\*Source:\*[^.]*\bstatus\b/.test(response.description);
}

/** A response description without its Source and Decision markers, for an example with no description. */
function plain(description: string): string {
  return capitalise(description.replace(/\*(Source|Decision):\*\s*/g, ''));
}

function capitalise(text = ''): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}
