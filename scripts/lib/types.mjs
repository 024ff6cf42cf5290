// Step 2 of generation: openapi-typescript turns a spec into `paths`, `components` and `operations` types.
import openapiTS, { astToString } from 'openapi-typescript';
import { pathToFileURL } from 'node:url';

/** The schema.d.ts text for one spec. */
export async function generateTypes(file, header) {
  const ast = await openapiTS(pathToFileURL(file), { alphabetize: false, exportType: false });
  return header + astToString(ast);
}
