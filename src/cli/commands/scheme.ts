import type { Command } from 'commander';

export function registerSchemeCommands(_program: Command): void {}
