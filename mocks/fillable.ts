// Whether the mock can give each operation a success answer its schema accepts, worked out once, at start, from the
// document alone. The mock never answers off its own schema: each required property of the success schema must come
// from something the mock fills — the example, an echo of the request (`x-echoes-request-body`: a field the request
// must send, or a `const`), `x-resource`'s item (from the store), the token it issues (`x-issues-token`), or a
// parameter of the request (`x-echoes-parameter`, a required one). Where one comes from none of them, the mock says
// so at start, and checks that operation's answers before it sends them (mocker.ts).
import type { Contract, Operation, SchemaNode } from '../lib/contract.ts';
import { atPointer, childPointer } from '../lib/json.ts';
import { effective, propertiesOf } from '../lib/schema-shape.ts';

/** The places (JSON Pointers into the success body) of the required properties that nothing the mock fills gives. */
export function unfilledPlaces(contract: Contract, operation: Operation): string[] {
  const response = operation.success;
  const example = response?.examples[0];
  // Without a schema, no answer is refused; without an example, the mock answers its own 501 (responder.ts).
  if (!response?.schema || !example) return [];
  const sourced = sourcedPlaces(operation);
  const fromSource = (at: string) => sourced.some((place) => at === place || at.startsWith(`${place}/`));
  const requestSchema = operation.requestBody?.schema;
  const sent = new Set(requestSchema ? (effective(contract, requestSchema).schema.required ?? []) : []);
  const echoesParameter = (node: SchemaNode) =>
    operation.parameters.some((p) => p.required && p.name === node.schema['x-echoes-parameter']);
  // An echo replaces its object whenever the operation takes a body; without one, the example stays.
  const echoes = (node: SchemaNode) => operation.requestBody !== undefined && node.schema['x-echoes-request-body'];

  const unfilled: string[] = [];
  const walk = (node: SchemaNode, pointer: string) => {
    const required = new Set(effective(contract, node).schema.required ?? []);
    for (const [name, child] of propertiesOf(contract, node)) {
      const at = childPointer(pointer, name);
      let given: boolean;
      if (fromSource(at) || echoesParameter(child)) given = true;
      else if (echoes(node)) given = sent.has(name) || effective(contract, child).schema.const !== undefined;
      else {
        given = echoes(child) === true || atPointer(example.value, at) !== undefined;
        if (given) walk(child, at);
      }
      if (required.has(name) && !given) unfilled.push(at);
    }
  };
  walk(response.schema, '');
  return unfilled;
}

/** The places the mock fills from its own state: the item `x-resource` reads, lists or moves, the token it issues. */
function sourcedPlaces({ resource, issuesToken }: Operation): string[] {
  const item = resource && resource.action !== 'create' ? resource.item : undefined;
  return [item, issuesToken].filter((place) => place !== undefined);
}

/** The line said at start for an operation whose answer may not fit its schema. */
export function unfilledWarning(operation: Operation, places: string[]): string {
  return (
    `mock: ${operation.operationId}: its success answer may not fit its schema: nothing the mock fills gives ` +
    `${places.join(', ')} (the example, an echo of the request, x-resource's item, an issued token or ` +
    `x-echoes-parameter); such an answer gets the mock's own 501 instead`
  );
}
