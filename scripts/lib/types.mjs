// Step 2 of generation: openapi-typescript turns a spec into `paths`, `components` and `operations` types.
import openapiTS, { astToString } from 'openapi-typescript';
import { pathToFileURL } from 'node:url';

/** The schema.d.ts text for one spec. */
export async function generateTypes(file, header) {
  // defaultNonNullable: false: a property with a default (deliver_notifications: true) stays optional in
  // request bodies, where the server fills it in.
  const ast = await openapiTS(pathToFileURL(file), { alphabetize: false, exportType: false, defaultNonNullable: false });
  return header + astToString(ast);
}
