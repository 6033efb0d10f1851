// Validates SARIF logs against the official SARIF 2.1.0 JSON Schema, as
// shipped in the npm package @microsoft/sarif-multitool-linux (never copied
// into this repository), with ajv's JSON Schema 2020-12 validator.
//
//   node validate-sarif.js NPM_DIR LOG...
//
// NPM_DIR is the folder holding node_modules (scripts/deps-npm installs it).
// Prints every schema error and exits 1 if a log is invalid, 0 if all pass.
'use strict';

const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const [npmDir, ...logs] = process.argv.slice(2);
if (!npmDir || logs.length === 0) {
  console.error('usage: node validate-sarif.js NPM_DIR LOG...');
  process.exit(2);
}
const req = createRequire(path.join(path.resolve(npmDir), 'package.json'));
const Ajv2020 = req('ajv/dist/2020').default;
const addFormats = req('ajv-formats').default;
const schemaPath = req.resolve(
  '@microsoft/sarif-multitool-linux/sarif-2.1.0.json');
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let bad = 0;
for (const log of logs) {
  const data = JSON.parse(fs.readFileSync(log, 'utf8'));
  if (validate(data)) {
    console.log(`${log}: valid SARIF 2.1.0`);
    continue;
  }
  bad++;
  for (const e of validate.errors)
    console.log(`${log}: ${e.instancePath || '/'} ${e.message} ` +
                `(${e.schemaPath})`);
}
console.log(`schema: ${schemaPath}`);
process.exit(bad ? 1 : 0);
