// Compiles JSON Schemas the way MCP clients do, to prove that every tool schema the gateway emits loads in them.
// usage: node ajv-check.mjs <input.jsonl> <output.jsonl>
// Each input line: {"id": "...", "schema": {...}, "instances": [...optional values to validate]}.
// Each schema is compiled by two validators:
//   sdk     - the official MCP TypeScript SDK's own AjvJsonSchemaValidator (Ajv, draft-07 class, ajv-formats,
//             strict off): what the SDK client runs on tools/list and tools/call;
//   strict  - Ajv 2020 (the JSON Schema dialect MCP specifies) in strict schema mode with meta-schema validation:
//             unknown keywords or formats, or a keyword value the 2020-12 meta-schema rejects, fail here as they do
//             in stricter clients. (Ajv 2020 with the SDK's lenient options accepts a superset of this.)
// All compile with Ajv's default unicodeRegExp (patterns are `new RegExp(p, "u")`).
// Each output line: {"id", "errors": {validator: message}, "valid": [booleans from the sdk validator, per instance]}
// for every schema that failed somewhere or carried instances; a final line {"summary": {...}}.
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import _addFormats from 'ajv-formats';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';

const addFormats = _addFormats.default ?? _addFormats;
const [input, output] = process.argv.slice(2);

function fresh() {
  const strict = new Ajv2020({ strictSchema: true, strictTypes: false, strictTuples: false, strictRequired: false,
    validateFormats: true, allErrors: true });
  addFormats(strict);
  return { sdk: new AjvJsonSchemaValidator(), strict };
}

let validators = fresh();
const lines = readFileSync(input, 'utf8').split('\n').filter((l) => l.trim() !== '');
const results = [];
let failed = 0;
lines.forEach((line, index) => {
  // compiled schemas are cached by Ajv: start over now and then to keep memory flat on large corpora
  if (index % 2000 === 1999) validators = fresh();
  const { id, schema, instances } = JSON.parse(line);
  const errors = {};
  let sdkValidate = null;
  try {
    sdkValidate = validators.sdk.getValidator(schema);
  } catch (e) {
    errors.sdk = e.message;
  }
  try {
    validators.strict.compile(schema);
  } catch (e) {
    errors.strict = e.message;
  }
  const failedHere = Object.keys(errors).length > 0;
  if (failedHere) failed++;
  if (failedHere || instances) {
    results.push(JSON.stringify({ id, errors,
      valid: instances && sdkValidate ? instances.map((v) => sdkValidate(v).valid) : undefined }));
  }
});
results.push(JSON.stringify({ summary: { schemas: lines.length, failed } }));
writeFileSync(output, results.join('\n') + '\n');
