import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContract, type Contract } from '../../../lib/contract.ts';
import { contextsOf } from '../../fixtures/test-kit.ts';
import type { Case } from '../case.ts';
import { lifecycleCases } from './lifecycle.ts';

const kit = loadContract();
const fixture = loadContract(fileURLToPath(new URL('../../../test/fixtures/kinds.openapi.yaml', import.meta.url)));
const casesOf = (contract: Contract, create: string) => lifecycleCases(contextsOf(contract).get(create)!);
const byId = (cases: Case[]) => new Map(cases.map((c) => [c.id.split('.lifecycle.')[1], c]));

describe('lifecycleCases of the kit', () => {
  const cases = byId(casesOf(kit, 'createPackagingOrder'));

  it('from each state: the read and the list it leaves, and each transition, allowed or refused', () => {
    expect([...cases.keys()]).toEqual([
      'open.read',
      'open.list',
      'open.assignSerials',
      'open.releasePackagingOrder',
      'open.releasePackagingOrder.then-read',
      'pending-release.read',
      'pending-release.list',
      'pending-release.assignSerials',
      'pending-release.assignSerials.then-read',
      'pending-release.releasePackagingOrder',
      'in-progress.read',
      'in-progress.list',
      'in-progress.assignSerials',
      'in-progress.assignSerials.then-read',
      'in-progress.releasePackagingOrder',
      'in-progress.releasePackagingOrder.then-read',
      'assignSerials.several',
      'assignSerials.all-or-nothing',
      'assignSerials.one-unknown',
      'assignSerials.all-or-nothing.then-read',
    ]);
  });

  it('reaches each state by its steps first, and expects the answer its transition documents', () => {
    const refused = cases.get('open.releasePackagingOrder')!;
    expect(refused.prelude!.map((s) => s.operationId)).toEqual(['createPackagingOrder']);
    expect(refused.expect).toMatchObject({ status: 409, holds: { value: { status: 'Open' } } });
    const moved = cases.get('pending-release.releasePackagingOrder')!;
    expect(moved.prelude!.map((s) => s.operationId)).toEqual(['createPackagingOrder', 'assignSerials']);
    expect(moved.expect).toMatchObject({ status: 200, holds: { value: { status: 'In progress' } } });
  });

  it('lists an Open item, and holds the list to leave out an item that is no longer Open', () => {
    expect(cases.get('open.list')!.expect.lists!.present).toHaveLength(1);
    const gone = cases.get('pending-release.list')!.expect.lists!;
    expect([gone.present, gone.absent.length]).toEqual([[], 1]);
  });

  it('reads after a refusal with the refusal among the steps: nothing changed', () => {
    const read = cases.get('in-progress.assignSerials.then-read')!;
    expect(read.prelude!.at(-1)!.expect.status).toBe(409);
    expect(read.expect.holds!.value).toMatchObject({ status: 'In progress' });
  });
});

describe('lifecycleCases of the fixture', () => {
  it('walks draft and active through activateWidget, with no list presence a bounded list cannot promise', () => {
    const cases = byId(casesOf(fixture, 'createWidget'));
    expect([...cases.keys()]).toEqual([
      'draft.read',
      'draft.activateWidget',
      'active.read',
      'active.activateWidget',
      'active.activateWidget.then-read',
    ]);
    expect(cases.get('draft.activateWidget')!.expect.echoesParameters).toHaveLength(1);
  });
});
