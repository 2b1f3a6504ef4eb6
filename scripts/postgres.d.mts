export function postgresBin(): string | undefined;
export function startPostgres(fail: (message: string) => never): Promise<{ url: string; stop(): void }>;
