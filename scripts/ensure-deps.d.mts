export const root: string;
export function run(command: string, args: string[], options?: object): number;
export function ensureDependencies(): void;
export function needsInstall(dir: string): boolean;
export function ensureWebBuild(options?: { force?: boolean }): void;
