import { type Command, Option } from 'commander';
import { type Role, roleLabels, roles, roleWords } from '../../app/context.js';
import type { Column } from '../../app/export/tabular.js';
import { AppError } from '../../domain/errors.js';
import { formatDateTime } from '../../domain/iso-date.js';
import type { AtscaleClient } from '../client.js';
import { withClient } from '../with-client.js';
import { formatOption, type OutputFormat, writeRows } from '../output.js';
import { newPassword } from '../password-prompt.js';
import { anonymiseUser } from '../../app/users/anonymise-user.js';

/** The users table and CSV, headed as the users page heads them. */
const userColumns: Column<Record<string, unknown>>[] = [
  { header: 'ID', value: (r) => r.id as number, numeric: true },
  { header: 'Name', value: (r) => r.name as string },
  { header: 'Email', value: (r) => r.email as string },
  { header: 'Role', value: (r) => roleLabels[r.role as Role] ?? (r.role as string) },
  { header: 'Practices', value: (r) => (r.practiceCodes as string[]).join(', ') || null },
  { header: 'Signed in', value: (r) => (r.disabled ? 'Disabled' : r.lastSignInAt ? formatDateTime(r.lastSignInAt as string) : 'Never') },
];

/** The user with this email (any case), or a not-found error that says how to list them. */
async function userByEmail(client: AtscaleClient, email: string): Promise<Record<string, unknown> & { id: number; rowVersion: number; name: string }> {
  const wanted = email.trim().toLowerCase();
  const found = (await client.listRecords('users', { email: wanted })).find((u) => u.email === wanted);
  if (!found) throw new AppError('not_found', `No user has the email ${wanted}`, { problems: [{ field: '--email', message: 'must be the email a user signs in with (atscale users list shows them)' }] });
  return found as Record<string, unknown> & { id: number; rowVersion: number; name: string };
}

/** The user's fields as the commands' options name them, so a problem says what to type. */
const optionOfField: Record<string, string> = { email: '--email', name: '--name', role: '--role', practiceCodes: '--practice', password: '--password (or ATSCALE_NEW_PASSWORD)' };

/** A refusal with each field named as its option (`--password`), not as the API's `body.password`. */
function inOptionWords(error: unknown): unknown {
  if (!(error instanceof AppError) || error.problems.length === 0) return error;
  const problems = error.problems.map((p) => {
    const field = p.field?.replace(/^body\./, '').split('.')[0];
    return field && optionOfField[field] ? { ...p, field: optionOfField[field] } : p;
  });
  return new AppError(error.kind, error.message, { problems, details: error.details });
}

const rethrownInOptionWords = (error: unknown): never => {
  throw inOptionWords(error);
};

const passwordHelp = 'at least 12 characters (or set ATSCALE_NEW_PASSWORD; at a terminal, leave both out to type it unseen)';

/** `users add`, `users list`, `users set-password`, `users anonymise`, `users disable` and `users enable`: the users page's work, for an admin at a terminal. */
export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('Who may sign in, with their roles and practices');

  users
    .command('add')
    .description('Add a user')
    .requiredOption('--email <email>', 'the email they sign in with')
    .requiredOption('--name <name>', 'their name, as pages and the audit show it')
    .requiredOption('--role <role>', 'admin, practice_manager, commissioner or clinician')
    .option('--practice <codes>', 'ODS codes of their practices, comma separated (practice managers, clinicians)')
    .option('--password <password>', passwordHelp)
    .action((options: { email: string; name: string; role: string; practice?: string; password?: string }) =>
      withClient(async (client) => {
        const input = { email: options.email, name: options.name, role: options.role, practiceCodes: options.practice ?? [], password: await newPassword(options.password) };
        const user = await client.addUser(input).catch(rethrownInOptionWords);
        process.stdout.write(`Added ${String(user.name)} <${String(user.email)}> as ${roleWords(String(user.role))} (id ${String(user.id)})\n`);
      }),
    );

  users
    .command('list')
    .description('List the users: name, email, role, practices and when they last signed in')
    .addOption(new Option('--role <role>', 'only users with this role').choices(roles))
    .option('--search <text>', 'part of a name or email')
    .addOption(formatOption(['table', 'csv', 'json'], 'table'))
    .action((options: { role?: string; search?: string; format: OutputFormat }) =>
      withClient(async (client) => {
        const filters: Record<string, string> = { ...(options.role ? { role: options.role } : {}), ...(options.search ? { q: options.search } : {}) };
        const rows = await client.listRecords('users', filters);
        if (!rows.length) process.stderr.write(`atscale: no users${options.role ? ` with the role ${options.role}` : ''}${options.search ? ` match "${options.search}"` : ''}\n`);
        await writeRows(rows, userColumns, options.format, { emptySaid: true });
      }),
    );

  users
    .command('set-password')
    .description('Give a user a new password (for one who has forgotten theirs, an admin included)')
    .requiredOption('--email <email>', 'the email they sign in with')
    .option('--password <password>', passwordHelp)
    .action((options: { email: string; password?: string }) =>
      withClient(async (client) => {
        const user = await userByEmail(client, options.email);
        await client.updateRecord('users', user.id, { password: await newPassword(options.password) }, user.rowVersion).catch(rethrownInOptionWords);
        process.stdout.write(`Set a new password for ${user.name} <${String(user.email)}>\n`);
      }),
    );

  users
    .command('anonymise')
    .description('Anonymise a disabled user who has left: their name and email become "Former user N" in their user and wherever their sign-in was recorded (the audit included); what they did stays')
    .requiredOption('--email <email>', 'the email they signed in with')
    .action((options: { email: string }) =>
      withClient(async (client) => {
        const user = await userByEmail(client, options.email);
        const id = Number(user.id);
        const done = await client.act((ctx) => anonymiseUser(ctx, id), `/api/users/${id}/anonymise`);
        process.stdout.write(`${user.name} is now “${done.name}” in ${done.places} ${done.places === 1 ? 'place' : 'places'}\n`);
      }),
    );

  for (const [name, disabled, description] of [
    ['disable', true, 'Stop a user signing in (what they did keeps their name)'],
    ['enable', false, 'Let a disabled user sign in again'],
  ] as const) {
    users
      .command(name)
      .description(description)
      .requiredOption('--email <email>', 'the email they sign in with')
      .action((options: { email: string }) =>
        withClient(async (client) => {
          const user = await userByEmail(client, options.email);
          if (user.disabled !== disabled) await client.updateRecord('users', user.id, { disabled }, user.rowVersion);
          process.stdout.write(`${user.name} <${String(user.email)}> ${user.disabled === disabled ? 'was already' : 'is now'} ${disabled ? 'disabled' : 'able to sign in'}\n`);
        }),
      );
  }
}
