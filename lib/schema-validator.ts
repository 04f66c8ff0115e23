// JSON Schema 2020-12 validation of values against schemas of the bundled document (ajv). The whole document is
// registered once, and a schema is named by its pointer, so that `$ref`s resolve as they do in the document.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import type { SchemaNode } from './contract.ts';
import { isObject } from './json.ts';
import type { OpenApiDocument } from './openapi.ts';

const DOCUMENT_ID = 'urn:contract:openapi';

export type Problem = ErrorObject;

export interface SchemaValidator {
  /** The problems of `value` against the schema at `node.pointer`; empty when valid. */
  problems(node: SchemaNode, value: unknown): Problem[];
}

export function schemaValidator(document: OpenApiDocument): SchemaValidator {
  // strict: false because OpenAPI schemas carry keywords JSON Schema does not know (example, x-*).
  // discriminator: true so that a oneOf with a discriminator is checked against the branch its value names, and
  // its problems are reported inside that branch (lib/field-errors.ts names fields from them).
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true, discriminator: true });
  // A CommonJS module: its plugin is both the module and its `.default`; only the latter is typed that way.
  ajvFormats.default(ajv);
  ajv.addSchema({ ...withoutDiscriminatorMappings(document), $id: DOCUMENT_ID });
  const compiled = new Map<string, ValidateFunction>();

  return {
    problems(node, value) {
      let validate = compiled.get(node.pointer);
      if (!validate) {
        // A pointer is a URI fragment: characters such as { } of a path template must be percent-encoded.
        validate = ajv.compile({ $ref: `${DOCUMENT_ID}${encodeURI(node.pointer)}` });
        compiled.set(node.pointer, validate);
      }
      return validate(value) ? [] : [...(validate.errors ?? [])];
    },
  };
}

/** The pointer into the document of the keyword a problem breaks: `#/components/schemas/Order/properties/qty/minimum`. */
export function ruleOf(problem: Problem): string {
  // Every schema is compiled as a $ref into the document registered under DOCUMENT_ID, so ajv names the keyword by
  // that URI, its pointer percent-encoded as `problems` wrote it.
  return decodeURI(problem.schemaPath.slice(DOCUMENT_ID.length));
}

/**
 * Ajv reads the branch from the discriminator property's `const` in each branch and refuses `mapping`; a
 * document whose branches carry the const says the same thing twice, so the mapping can go.
 */
function withoutDiscriminatorMappings(document: OpenApiDocument): object {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (!isObject(node)) return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        if (key === 'discriminator' && isObject(value)) {
          const { mapping: _mapping, ...rest } = value;
          return [key, rest];
        }
        return [key, strip(value)];
      }),
    );
  };
  return { ...document, paths: strip(document.paths), components: strip(document.components) };
}
