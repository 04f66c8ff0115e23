import { describe, expect, it } from 'vitest';
import { loadContract } from '../lib/contract.ts';
import { unfilledPlaces, unfilledWarning } from './fillable.ts';
import { FIXTURE_PATH, patchRepeatingId } from '../test/fixtures/variants.ts';

describe('whether the mock can fill each success answer its schema asks for', () => {
  it.each([
    ['the kit', undefined],
    ['the fixture', FIXTURE_PATH],
  ])('every operation of %s document can be answered', (_, path) => {
    const contract = loadContract(path);
    expect(contract.operations.filter((op) => unfilledPlaces(contract, op).length > 0)).toEqual([]);
  });

  it('finds a required property an echo of the request drops, unless it repeats a parameter', () => {
    const bare = patchRepeatingId({ echoed: false }).contract;
    const update = bare.operations.find((op) => op.operationId === 'updateWidget')!;
    expect(unfilledPlaces(bare, update)).toEqual(['/data/id']);
    expect(unfilledWarning(update, ['/data/id'])).toMatch(/^mock: updateWidget: .*\/data\/id.*x-echoes-parameter/);
    const echoed = patchRepeatingId({ echoed: true }).contract;
    const repeated = echoed.operations.find((op) => op.operationId === 'updateWidget')!;
    expect(unfilledPlaces(echoed, repeated)).toEqual([]);
  });

  it('a required property the example lacks, outside every echo, is not filled', () => {
    const contract = loadContract(FIXTURE_PATH);
    const status = contract.operations.find((op) => op.operationId === 'getStatus')!;
    const example = status.success!.examples[0]!;
    const { version: _, ...rest } = example.value as Record<string, string>;
    const lacking = { ...status, success: { ...status.success!, examples: [{ ...example, value: rest }] } };
    expect(unfilledPlaces(contract, lacking)).toEqual(['/version']);
  });
});
