import { packageBuild } from '../../tsup.base.js';

// Two library entries: index (browser-safe, the `default` export condition) and node (the `node` condition,
// which adds uploads from a local path).
export default packageBuild({ entry: ['src/index.ts', 'src/node.ts'] });
