import { definePackageConfig } from '../../tsup.shared';

export default definePackageConfig({
  testing: 'esm-only',
  entry: {
    'node/index': 'src/node.ts',
    'store-kit/index': 'src/store-kit/index.ts',
  },
});
