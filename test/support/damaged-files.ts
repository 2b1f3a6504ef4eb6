import { gzipSync } from 'node:zlib';
import { expect } from 'vitest';
import { AppError, type Problem } from '../../src/domain/errors.js';

/**
 * Damaged copies of a real file, made the same way every run from a fixed seed: the ways files
 * really arrive broken (a download cut short, a spreadsheet's encoding, a comma left unquoted, the
 * wrong file chosen). An import given one must either take it or refuse it, naming where and why,
 * and write nothing.
 */
export interface DamagedFile {
  /** What was done to the file, for the test's message. */
  damage: string;
  content: Buffer;
}

/** A small deterministic generator (a linear congruential one), so every run damages files alike. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const oddValues = ['-1', 'NaN', 'Infinity', '1e309', '99999999999999999999999', '2147483648', '0x10', '£1,000', '31/02/2020', '2020-02-31', '00/00/0000', '=1+1', 'x'.repeat(70_000), '\u0000', '"'];

const lineBreak = /\r\n|\n|\r/;
const quoted = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

type Damage = (text: string, bytes: Buffer, random: () => number) => Buffer;

/** Every kind of damage, by name. Those marked as keeping the file's meaning must import as the file does. */
const damages: Record<string, Damage> = {
  'cut short at a random byte': (_t, bytes, random) => bytes.subarray(0, Math.floor(random() * bytes.length)),
  'cut short inside an open quote': (_t, bytes, random) => Buffer.concat([bytes.subarray(0, Math.floor(random() * bytes.length)), Buffer.from(',"half a val')]),
  'a stray quote': (text, _b, random) => {
    const at = Math.floor(random() * text.length);
    return Buffer.from(`${text.slice(0, at)}"${text.slice(at)}`);
  },
  'a field added to a row': (text, _b, random) => withLine(text, random, (line) => `${line},extra`),
  'the last field taken from a row': (text, _b, random) => withLine(text, random, (line) => line.replace(/,[^,]*$/, '')),
  'an odd value in a cell': (text, _b, random) => withLine(text, random, (line) => {
    const cells = line.split(',');
    cells[Math.floor(random() * cells.length)] = quoted(oddValues[Math.floor(random() * oddValues.length)]!);
    return cells.join(',');
  }),
  'Latin-1 £ and é': (text, _b, random) => Buffer.from(withLine(text, random, (line) => line.replace(/,([^,]*)$/, ',£5 café')).toString('utf8'), 'latin1'),
  'a row twice': (text, _b, random) => withLine(text, random, (line) => `${line}\n${line}`),
  'the header twice over': (text) => Buffer.from(`${text.split(lineBreak)[0]}\n${text}`),
  'empty': () => Buffer.alloc(0),
  'the header alone': (text) => Buffer.from(`${text.split(lineBreak)[0]}\n`),
  'a workbook in its place': () => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('[Content_Types].xml xl/workbook.xml word/')]),
  'gzipped': (_t, bytes) => gzipSync(bytes),
  'bytes overwritten': (_t, bytes, random) => {
    const copy = Buffer.from(bytes);
    for (let i = 0; i < 4; i++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
    return copy;
  },
  'semicolons for commas': (text) => Buffer.from(text.replaceAll(',', ';')),
  // Not harmless: the work plan keeps each row's line, which blank lines move.
  'blank lines between rows': (text) => Buffer.from(text.split(lineBreak).join('\n\n')),
};

/** Damage that keeps what the file says: it must import exactly as the file itself does. */
const harmless: Record<string, Damage> = {
  'a UTF-8 byte-order mark': (_t, bytes) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]),
  'UTF-16 with its byte-order mark': (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  'CR line breaks': (text) => Buffer.from(text.split(lineBreak).join('\r')),
};

function withLine(text: string, random: () => number, change: (line: string) => string): Buffer {
  const lines = text.split(lineBreak);
  const rows = lines.length - (lines.at(-1) === '' ? 1 : 0);
  // A line below the header, if there is one (a headerless file's first line is a row too).
  const at = rows > 1 ? 1 + Math.floor(random() * (rows - 1)) : 0;
  lines[at] = change(lines[at]!);
  return Buffer.from(lines.join('\n'));
}

/** `count` damaged copies of `content`, always the same for one seed: the kinds taken in a shuffled order, then more at random. */
export function damagedCopies(content: Buffer, seed: number, count: number): DamagedFile[] {
  const random = seededRandom(seed);
  const text = content.toString('utf8');
  const names = Object.keys(damages).sort(() => random() - 0.5);
  return Array.from({ length: count }, (_, i) => {
    const damage = names[i % names.length]!;
    return { damage, content: damages[damage]!(text, content, random) };
  });
}

/** Copies of `content` that say the same thing in another encoding or line break. */
export function harmlessCopies(content: Buffer): DamagedFile[] {
  const text = content.toString('utf8');
  return Object.entries(harmless).map(([damage, make]) => ({ damage, content: make(text, content, () => 0) }));
}

/**
 * The problems an import refused a file with, from its report or its error; [] when it took the
 * file. Anything but a refusal of the input (a crash, a database error) fails the test.
 */
export async function problemsOf(run: Promise<unknown>): Promise<Problem[]> {
  try {
    const result = (await run) as { errors?: Problem[] } | undefined;
    return result?.errors ?? [];
  } catch (error) {
    if (!(error instanceof AppError) || !['invalid', 'unsupported', 'too_large'].includes(error.kind)) throw error;
    return error.problems.length ? error.problems : [{ message: error.message }];
  }
}

/**
 * Every problem names the file and says what is wrong; one about a row names a line the file has
 * (the line after the last, for a header with no rows under it). A problem with no line is about
 * the file as a whole.
 */
export function expectLocatedProblems(problems: readonly Problem[], file: string, content: Buffer, damage: string): void {
  const lines = content.toString('utf8').split(lineBreak).length;
  for (const problem of problems) {
    const said = `${damage}: ${JSON.stringify(problem).slice(0, 300)}`;
    expect(problem.file, said).toBe(file);
    expect(problem.message.trim().length, said).toBeGreaterThan(0);
    if (problem.line !== undefined) expect(problem.line >= 1 && problem.line <= lines + 1, said).toBe(true);
  }
}
