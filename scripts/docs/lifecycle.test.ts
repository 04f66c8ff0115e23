import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { contractFrom, loadContract } from '../../lib/contract.ts';
import { lifecyclesOf } from '../../lib/lifecycle.ts';
import type { OpenApiDocument } from '../../lib/openapi.ts';
import { lifecycleSection, stateDiagram } from './lifecycle.ts';

const kit = loadContract();
const fixture = loadContract(fileURLToPath(new URL('../../test/fixtures/kinds.openapi.yaml', import.meta.url)));

describe('stateDiagram', () => {
  const svg = stateDiagram(lifecyclesOf(kit)[0]!);

  it('draws each state once and each transition with its request, as well-formed SVG', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    for (const state of ['Open', 'Pending release', 'In progress']) expect(svg.split(`>${state}<`)).toHaveLength(2);
    expect(svg).toContain('>Assign serials to packaging orders<');
    expect(svg).toContain('>Release order to packaging line<');
    // One arrow into the first state, one per transition.
    expect(svg.match(/marker-end/g)).toHaveLength(3);
  });

  it('draws a transition that skips a state as an arc below the row, and escapes the document’s text', () => {
    const document = structuredClone(kit.document) as OpenApiDocument;
    const release = document.paths!['/packaging_order/{order_id}/release']!;
    if ('$ref' in release || release.patch?.['x-resource']?.action !== 'transition') throw new Error('no release');
    release.patch['x-resource'].transition.from = ['Pending release', 'Open'];
    release.patch.summary = 'Release <now> & here';
    const drawn = stateDiagram(lifecyclesOf(contractFrom(document))[0]!);
    expect(XMLValidator.validate(drawn)).toBe(true);
    expect(drawn).toContain('<path d="M ');
    expect(drawn).toContain('Release &lt;now&gt; &amp; here');
  });
});

describe('lifecycleSection', () => {
  it('gives each store a heading, the diagram as an image and a row per transition with its refusal', () => {
    const section = lifecycleSection(kit)!;
    expect(section).toContain('## packaging-order');
    expect(section).toMatch(
      /<img alt="States of packaging-order, starting in Open: [^"]+" src="data:image\/svg\+xml;base64,/,
    );
    expect(section).toContain(
      '| Open | Assign serials to packaging orders (`POST /serials/assign`) | Pending release | 409 |',
    );
    expect(lifecycleSection(fixture)).toContain('## widget');
  });

  it('is left out for a document whose stores have no transitions', () => {
    const document = structuredClone(kit.document) as OpenApiDocument;
    delete document.paths!['/serials/assign'];
    delete document.paths!['/packaging_order/{order_id}/release'];
    expect(lifecycleSection(contractFrom(document))).toBeUndefined();
  });
});
