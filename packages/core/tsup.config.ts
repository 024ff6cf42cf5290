import { packageBuild } from '../../tsup.base.js';

// Two entries: index (portable, the `default` export condition) and node (the `node` condition: undici beneath).
export default packageBuild({ entry: ['src/index.ts', 'src/node.ts'] });
