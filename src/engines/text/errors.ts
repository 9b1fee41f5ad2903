/**
 * Error codes of the text engine (classification, clustering of free text).
 */
import { defineErrors } from '../../core/errors.ts';

export const TextErrors = defineErrors('text', {
  TEXT_MODEL_VERSION: {
    status: 422,
    zh: '文本分类模型版本 {found} 不受支持（应为 {expected}）',
    en: 'Text classifier model version {found} is not supported (expected {expected})',
  },
  TEXT_MODEL_INVALID: {
    status: 422,
    zh: '文本分类模型文件无效：{reason}',
    en: 'Invalid text classifier model file: {reason}',
  },
  TEXT_TRAINING_EMPTY: {
    status: 400,
    zh: '训练数据不足：每个类别至少需要 1 条、共至少 2 个类别',
    en: 'Not enough training data: at least 2 classes with at least 1 example each',
  },
  TEXT_LSH_BANDS: {
    status: 400,
    zh: 'LSH 分带数 {bands} 与行数 {rows} 之积应等于 MinHash 个数 {hashes}',
    en: 'LSH bands {bands} × rows {rows} must equal the number of MinHash values {hashes}',
  },
});
