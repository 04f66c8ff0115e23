import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../../lib/contract.ts';
import { pointerOf } from '../../../lib/json.ts';
import { schemaValidator } from '../../../lib/schema-validator.ts';
import { arbitraryOf } from './arbitrary.ts';
import { sampleOf } from './sample.ts';

describe.each(['generated/openapi.yaml', 'test/fixtures/kinds.openapi.yaml'])(
  'values made for the schemas of %s',
  (path) => {
    const contract = loadContract(path);
    const validator = schemaValidator(contract.document);
    const schemas = Object.keys(contract.document.components?.schemas ?? {}).map((name) =>
      contract.schemaNode({ $ref: pointerOf('components', 'schemas', name) }, ''),
    );

    it.each(schemas.map((node) => [node.pointer, node] as const))(
      '%s: a sample, and a hundred random values, all valid',
      (_pointer, node) => {
        expect(validator.problems(node, sampleOf(contract, node))).toEqual([]);
        fc.assert(
          fc.property(arbitraryOf(contract, node), (value) => validator.problems(node, value).length === 0),
          { numRuns: 100, seed: 42 },
        );
      },
    );
  },
);
