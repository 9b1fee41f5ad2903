/**
 * Every module of the platform, in dependency order. Adding an app = one import and one entry.
 */
import type { GongzhiModule } from './platform/module.ts';

export const modules: readonly GongzhiModule[] = [];
