import type { Linter } from 'eslint';

/** Types of eslint.layers.js, for the architecture test. */
export const TOP_LEVEL_FILES: Readonly<Record<string, string>>;
export const LAYERS: Readonly<Record<string, readonly string[]>>;
export function roomOf(file: string): string | undefined;
export const layersConfig: Linter.Config[];
