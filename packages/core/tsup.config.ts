import { packageBuild } from '../../tsup.base.js';

// The portable entries, and their Node versions (the `node` export condition: undici beneath the transport).
export default packageBuild({
  entry: ['src/index.ts', 'src/internal.ts', 'src/error-classes.ts', 'src/redis.ts', 'src/node.ts', 'src/internal-node.ts'],
});
