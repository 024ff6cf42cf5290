import { packageBuild } from '../../tsup.base.js';

// The CLI is a second, Node-only entry; only the library has declarations.
export default packageBuild({ entry: ['src/index.ts', 'src/cli.ts'], dtsEntry: 'src/index.ts' });
