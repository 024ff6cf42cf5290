import { packageBuild } from '../../tsup.base.js';

// front-main runs inside the Prism process (see prism-process.ts); only index has declarations.
export default packageBuild({ entry: ['src/index.ts', 'src/front-main.ts'], dtsEntry: 'src/index.ts' });
