import type { Plugin } from 'esbuild';

export declare const noDynamicCode: Plugin;
export declare function findDynamicCode(text: string): string[];
