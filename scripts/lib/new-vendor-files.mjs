// What `npm run new-vendor <name>` writes: a stub spec with two operations and the thin package around it (options,
// credential, every resource of the generated table on the client). Everything else that lists vendors reads
// scripts/lib/vendors.mjs, so these files are the whole of a new vendor.

/** The names a vendor's files use, from its lower-case name (`acme` → `AcmeClient`, `ACME_TOKEN`, …). */
export function vendorNames(name) {
  const title = name[0].toUpperCase() + name.slice(1);
  return { name, title, clientClass: `${title}Client`, tokenEnv: `${name.toUpperCase()}_TOKEN`, baseUrlConst: `${name.toUpperCase()}_BASE_URL` };
}

/** specs/<name>.yaml: list and read one item, bearer token, the lint rules' required fields filled in. */
function spec({ name, title, clientClass }) {
  const error = (description) => `      description: ${description}\n      content:\n        application/json:\n          schema:\n            $ref: "#/components/schemas/Error"\n          example: { message: ${description} }`;
  return `openapi: 3.1.0
# The client class of @apiclients/${name}, for the code samples of the API reference.
x-apiclients-client: { class: ${clientClass} }
info:
  title: ${title} API
  version: "1.0"
  summary: Written by \`npm run new-vendor\`; describe the vendor's API here.
  description: Two operations to start from, to list the items and to read one.
  license:
    name: MIT
    identifier: MIT
  contact:
    name: apiclients
servers:
  - url: https://api.${name}.example/v1
    description: The vendor's API.
security:
  - token: []
tags:
  - name: items
    description: The vendor's items.
paths:
  /items:
    get:
      operationId: items_list
      x-apiclients-resource: items
      x-apiclients-method: list
      tags: [items]
      summary: List items
      description: Every item.
      responses:
        "200":
          description: The items.
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: "#/components/schemas/Item"
              example:
                - { id: i1, name: First item }
                - { id: i2, name: Second item }
        "401":
          $ref: "#/components/responses/Unauthorized"
  /items/{itemId}:
    get:
      operationId: items_get
      x-apiclients-resource: items
      x-apiclients-method: get
      tags: [items]
      summary: Get an item
      description: One item, by id.
      parameters:
        - name: itemId
          in: path
          required: true
          description: The item's id.
          schema:
            type: string
      responses:
        "200":
          description: The item.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Item"
              example: { id: i1, name: First item }
        "401":
          $ref: "#/components/responses/Unauthorized"
        "404":
          $ref: "#/components/responses/NotFound"
components:
  securitySchemes:
    token:
      type: http
      scheme: bearer
      description: The API token.
  schemas:
    Item:
      type: object
      required: [id, name]
      properties:
        id:
          type: string
        name:
          type: string
    Error:
      type: object
      required: [message]
      properties:
        message:
          type: string
  responses:
    Unauthorized:
${error('The token is missing or wrong.')}
    NotFound:
${error('No such item.')}
`;
}

function packageJson({ name, title }) {
  const json = {
    name: `@apiclients/${name}`,
    version: '0.1.0',
    description: `Typed client for the ${title} API.`,
    license: 'MIT',
    type: 'module',
    sideEffects: false,
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
    main: './dist/index.js',
    types: './dist/index.d.ts',
    files: ['dist', 'README.md'],
    engines: { node: '>=20.19' },
    scripts: { build: 'tsup', typecheck: 'tsc --noEmit -p tsconfig.json', 'test:pack': 'publint --strict && attw --pack . --profile esm-only' },
    dependencies: { '@apiclients/core': '0.1.0', 'openapi-fetch': '0.17.0' },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function client({ name, title, clientClass, tokenEnv, baseUrlConst }) {
  return `/**
 * ${clientClass}: every operation of specs/${name}.yaml as \`<resource>.<method>()\`, typed from the spec. The vendor's
 * quirks (envelopes, paging, error names) go here.
 */
import { authorization, ClientBase, ConfigurationError, createVendorClient, readEnv, type CommonClientOptions } from '@apiclients/core/internal';
import type { Client } from 'openapi-fetch';
import { operationTable, rateLimit, type operations, type paths, type Resources } from './generated.js';

/** Options of {@link ${clientClass}}. */
export interface ${clientClass}Options extends CommonClientOptions {
  /** The API token; falls back to \`${tokenEnv}\`. Sent as \`Authorization: Bearer <token>\`. */
  token?: string | undefined;
}

/** Where the ${title} API is served (specs/${name}.yaml, servers). */
export const ${baseUrlConst} = 'https://api.${name}.example/v1';

/** Every resource of the spec, typed by the generated signatures. */
export interface ${clientClass} extends Resources {}

/** A client for the ${title} API. */
export class ${clientClass} extends ClientBase {
  /** The plain openapi-fetch client, for calls the resources do not cover. */
  readonly raw: Client<paths>;

  constructor(options: ${clientClass}Options = {}) {
    super();
    const token = options.token ?? readEnv('${tokenEnv}');
    if (!token) throw new ConfigurationError('No token provided: pass { token } or set ${tokenEnv}');
    const { raw, transport, operations: resources } = createVendorClient<operations, paths, typeof operationTable>(options, {
      baseUrl: ${baseUrlConst},
      table: operationTable,
      credential: authorization('Bearer', token),
      secrets: [token],
      rateLimit,
    });
    this.raw = raw;
    this.attachTransport(transport);
    const typed: Resources = resources;
    Object.assign(this, typed);
  }
}
`;
}

/** Every file of a new vendor, by repository-relative path. */
export function newVendorFiles(name) {
  const names = vendorNames(name);
  const { title, clientClass, baseUrlConst } = names;
  const pkg = `packages/${name}`;
  return {
    [`specs/${name}.yaml`]: spec(names),
    [`${pkg}/package.json`]: packageJson(names),
    [`${pkg}/README.md`]: `# @apiclients/${name}\n\nA typed client for the ${title} API, generated from specs/${name}.yaml.\n`,
    [`${pkg}/tsconfig.json`]: `${JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { noEmit: true }, include: ['src'] }, null, 2)}\n`,
    [`${pkg}/tsup.config.ts`]: "import { packageBuild } from '../../tsup.base.js';\n\nexport default packageBuild({ entry: ['src/index.ts'] });\n",
    [`${pkg}/src/generated.ts`]:
      `/** The generated artefacts of specs/${name}.yaml, the only place this package reads generated/ from. */\n` +
      `export { operationTable, rateLimit } from '../../../generated/${name}/operations.js';\n` +
      `export type { paths, components, operations } from '../../../generated/${name}/schema.js';\n` +
      "export type * from './generated-types.js';\n",
    [`${pkg}/src/generated-types.ts`]:
      `/** The method signatures generated from specs/${name}.yaml, exported for users to annotate their own code. */\n` +
      `export type * from '../../../generated/${name}/client.js';\n`,
    [`${pkg}/src/client.ts`]: client(names),
    [`${pkg}/src/index.ts`]:
      `/**\n * \`@apiclients/${name}\`: a typed client for the ${title} API.\n * @packageDocumentation\n */\n` +
      `export { ${clientClass}, ${baseUrlConst} } from './client.js';\n` +
      `export type { ${clientClass}Options } from './client.js';\n` +
      "export type { paths, components, operations } from './generated.js';\n" +
      "export * from '@apiclients/core/errors';\n" +
      "// The generated method signatures, Params types and schema aliases.\n" +
      "export type * from './generated-types.js';\n",
  };
}
