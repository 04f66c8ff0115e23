// The document as the suite reads it: the typed model, and its schemas compiled once. Compiling is the costly part
// of ajv, and the catalogue (which checks every probe against the schemas) and the grading (which checks every
// answer) ask the same questions: one reading serves both.
import type { Contract } from '../../lib/contract.ts';
import { schemaValidator, type SchemaValidator } from '../../lib/schema-validator.ts';

export interface ContractReading {
  contract: Contract;
  validator: SchemaValidator;
}

export function readingOf(contract: Contract): ContractReading {
  return { contract, validator: schemaValidator(contract.document) };
}
