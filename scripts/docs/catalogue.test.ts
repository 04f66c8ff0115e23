// The error catalogue, for the real document and the fixture: a section per operation that answers an error and
// one for requests that reach none, a paragraph led by each error status, and a row per error example with its
// message and code.
import { describe, expect, it } from 'vitest';
import { isObject, loadContract, type DocumentedResponse } from '../../lib/contract.ts';
import { catalogueGroups, errorCatalogue, errorResponses } from './catalogue.ts';

describe.each([
  ['the contract', undefined],
  ['the fixture', 'test/fixtures/kinds.openapi.yaml'],
])('the error catalogue of %s', (_, path) => {
  const contract = loadContract(path);
  const catalogue = errorCatalogue(contract);
  const sections = catalogue.split(/^## /m).slice(1);
  const sectionsOf = catalogueGroups(contract);

  it('has a section for each operation that answers an error and none for another, so no heading stands alone', () => {
    const titled = new Set(sections.map((s) => s.split('\n')[0]));
    for (const op of contract.operations)
      expect(titled.has(`${op.summary}: ${op.method} ${op.path}`), op.operationId).toBe(
        errorResponses(op.responses).length > 0,
      );
  });

  it('has its sections in the document order, then one for the route errors, and no other heading', () => {
    expect(sections.map((s) => s.split('\n')[0])).toEqual(sectionsOf.map((s) => s.title));
    // Redoc would make another heading a section and a sidebar entry of its own.
    expect(catalogue.match(/^#+ /gm)).toEqual(sectionsOf.map(() => '## '));
  });

  it.each(sectionsOf.map((s, i) => [s.title, s.responses, i] as [string, DocumentedResponse[], number]))(
    '%s: a paragraph led by each error status, a row per error example',
    (_, responses, index) => {
      const section = sections[index]!;
      const listed = errorResponses(responses);
      expect(section.match(/^\*\*\d+/gm) ?? []).toEqual(listed.map((r) => `**${r.status}`));
      const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Message'));
      const examples = listed.flatMap((r) => r.examples.filter((ex) => ex.errorCase));
      expect(rows).toHaveLength(examples.length);
      for (const [i, example] of examples.entries()) {
        const value = isObject(example.value) ? example.value : {};
        if (typeof value.message === 'string') expect(rows[i]!.startsWith(`| ${value.message} |`)).toBe(true);
        if (typeof value.code === 'string') expect(rows[i]).toContain(`| \`${value.code}\` |`);
      }
    },
  );

  it('lists the errors a reader asks about: 404 and 409 of the orders, the 401 of each operation with security', () => {
    const statuses = contract.operations.flatMap((op) => errorResponses(op.responses).map((r) => r.status));
    for (const status of ['401', '404', '409', '413', '422']) expect(statuses).toContain(status);
    const routeStatuses = errorResponses(contract.routeErrors).map((r) => r.status);
    expect(routeStatuses).toEqual(['404', '405']);
  });
});
