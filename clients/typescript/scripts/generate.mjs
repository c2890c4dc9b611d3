// Generates src/schema.ts from openapi/openapi.json with openapi-typescript. String formats
// become template-literal types, so `created_at: "yesterday"` or `id: "42"` fail to compile.
// `node scripts/generate.mjs` writes the file; `node scripts/generate.mjs --check` fails when
// the committed file differs from what the document generates.
import { readFile, writeFile } from "node:fs/promises";
import ts from "typescript";
import openapiTS, { astToString } from "openapi-typescript";

const documentUrl = new URL("../../../openapi/openapi.json", import.meta.url);
const outputUrl = new URL("../src/schema.ts", import.meta.url);

const FORMATS = {
  "date-time": "`${number}-${number}-${number}T${number}:${number}:${number}${string}`",
  date: "`${number}-${number}-${number}`",
  uuid: "`${string}-${string}-${string}-${string}-${string}`",
  uri: "`${string}:${string}`",
};

function typeOf(text) {
  const source = ts.createSourceFile("t.ts", `type T = ${text};`, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return source.statements[0].type;
}

export async function generate() {
  const ast = await openapiTS(documentUrl, {
    enumValues: false,
    transform(schema) {
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      const literal = FORMATS[schema.format];
      if (!literal || !types.includes("string") || schema.enum) return undefined;
      return typeOf(types.includes("null") ? `${literal} | null` : literal);
    },
  });
  return astToString(ast);
}

const generated = await generate();
if (process.argv.includes("--check")) {
  const committed = await readFile(outputUrl, "utf8").catch(() => "");
  if (committed !== generated) {
    console.error("clients/typescript/src/schema.ts is out of date with openapi/openapi.json: run `npm run generate`");
    process.exit(1);
  }
  console.log("src/schema.ts matches openapi/openapi.json");
} else {
  await writeFile(outputUrl, generated);
  console.log("wrote src/schema.ts");
}
