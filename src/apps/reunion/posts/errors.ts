/**
 * Error codes of reunion posts (demo generation). Module name 'reunion-posts' so that the
 * codes do not collide with those of src/apps/reunion/pfif.
 */
import { defineErrors } from '../../../core/errors.ts';

export const ReunionPostErrors = defineErrors('reunion-posts', {
  REUNION_DEMO_SIZES_INVALID: {
    status: 422,
    zh: '演示数据规模无效：{reason}',
    en: 'invalid demo set sizes: {reason}',
  },
});
