// JSON Schema 2020-12 validation of values against schemas of the bundled document (ajv). The whole document is
// registered once, so schemas that `$ref` components resolve as they do in the document.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Json, JsonObject } from './contract.ts';

const DOCUMENT_ID = 'urn:contract:openapi';

export interface SchemaValidator {
  /** The problems of `value` against `schema` (a schema of the document, or a `$ref` into it); empty when valid. */
  problems(schema: JsonObject, value: unknown): ErrorObject[];
}

export function schemaValidator(document: JsonObject): SchemaValidator {
  // strict: false because OpenAPI schemas carry keywords JSON Schema does not know (example, x-*, discriminator).
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID } as object);
  const compiled = new Map<string, ValidateFunction>();

  return {
    problems(schema, value) {
      const key = JSON.stringify(schema);
      let validate = compiled.get(key);
      if (!validate) {
        validate = ajv.compile(rebase(schema) as object);
        compiled.set(key, validate);
      }
      return validate(value) ? [] : [...(validate.errors ?? [])];
    },
  };
}

/** Points the schema's local `$ref`s ("#/components/...") at the registered document. */
function rebase(node: Json): Json {
  if (Array.isArray(node)) return node.map(rebase);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `${DOCUMENT_ID}${value}` : rebase(value),
    ]),
  );
}
