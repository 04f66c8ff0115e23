// The case catalogue: every family of conformance/families/ run over every operation of the document. Nothing
// here or there names a field, a status or a message: a new operation, parameter or field in the document
// gives new cases by itself.
import type { Case } from './case.ts';
import type { ContractReading } from './reading.ts';
import { catalogueState, operationContext, type CatalogueOptions, type OperationContext } from './context.ts';
import { authCases } from './families/auth.ts';
import { bodyCases } from './families/body.ts';
import { bodyShapeCases } from './families/body-shapes.ts';
import { credentialCases } from './families/credentials.ts';
import { generatedCases } from './families/generated.ts';
import { keyCases } from './families/keys.ts';
import { lifecycleCases } from './families/lifecycle.ts';
import { orderCases } from './families/order.ts';
import { parameterCases } from './families/parameters.ts';
import { routingCases } from './families/routing.ts';
import { sizeCases } from './families/size.ts';
import { statefulCases } from './families/stateful.ts';
import { successCases } from './families/success.ts';
import { syntaxCases } from './families/syntax.ts';
import { tenancyCases } from './families/tenancy.ts';

export type { CatalogueOptions } from './context.ts';

/** The families, in report order. */
const FAMILY_BUILDERS: ((context: OperationContext) => Case[])[] = [
  successCases,
  authCases,
  credentialCases,
  parameterCases,
  bodyCases,
  bodyShapeCases,
  syntaxCases,
  sizeCases,
  routingCases,
  orderCases,
  statefulCases,
  lifecycleCases,
  keyCases,
  tenancyCases,
  generatedCases,
];

export interface Catalogue {
  cases: Case[];
  /** Probes left out, and why (the engine could not tell what a server must answer). */
  notes: string[];
  /** The case again with new values in its `x-unique` fields (so it can be sent twice: preflight, then itself). */
  renew(testCase: Case): Case;
}

export function buildCatalogue(reading: ContractReading, options: CatalogueOptions): Catalogue {
  const state = catalogueState(reading, options.uniquePrefix);
  const contexts = reading.contract.operations.map((operation) => operationContext(operation, state));
  const cases = contexts.flatMap((context) => FAMILY_BUILDERS.flatMap((build) => build(context)));
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) throw new Error(`two cases share the id ${c.id}`);
    ids.add(c.id);
  }
  const renew = (testCase: Case): Case => {
    const context = state.contexts.get(testCase.operationId);
    const body = testCase.request.body;
    if (!context || body === undefined) return testCase;
    try {
      return { ...testCase, request: { ...testCase.request, body: JSON.stringify(context.fresh(JSON.parse(body))) } };
    } catch {
      return testCase; // not JSON: nothing unique in it
    }
  };
  return { cases, notes: state.notes, renew };
}
