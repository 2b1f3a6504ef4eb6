import type { Command } from 'commander';

export function registerQualityCommands(_program: Command): void {}
