import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { consoleOpenApiDocument } from '../../api/src/routes/console-routes';

/**
 * The console's API types, generated from the console OpenAPI document (the server's route
 * declarations and the zod schemas in shared/src/console). `npm run generate -w console`
 * rewrites the checked-in file; tests/integration/console-openapi.test.ts fails when it is stale.
 */
export const consoleApiTypesFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/api-schema.d.ts');

const header = `/**
 * Generated from the console OpenAPI document (GET /console/api/openapi.json) by
 * \`npm run generate -w console\`. Do not edit: change the route or its schema in
 * api/src/routes/console-*.ts and shared/src/console/, then regenerate.
 */

`;

export async function consoleApiTypes(): Promise<string> {
  // biome-ignore lint/suspicious/noExplicitAny: openapi-typescript's own document type; ours is structurally the same.
  const ast = await openapiTS(consoleOpenApiDocument() as any, { alphabetize: false });
  return header + astToString(ast);
}

export function checkedInConsoleApiTypes(): string {
  return readFileSync(consoleApiTypesFile, 'utf8');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(consoleApiTypesFile, await consoleApiTypes());
  console.log(`wrote ${path.relative(process.cwd(), consoleApiTypesFile)}`);
}
