import { definePackageConfig } from '../../tsup.shared';

export default definePackageConfig({ testing: false });
