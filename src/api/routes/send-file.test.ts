import { describe, expect, it } from 'vitest';
import { contentDisposition } from './send-file.js';

describe('the name a downloaded file is given', () => {
  it.each([
    ['epraccur-problems.csv', 'attachment; filename="epraccur-problems.csv"'],
    ['contrat signé – v2.pdf', `attachment; filename="contrat sign_ _ v2.pdf"; filename*=UTF-8''contrat%20sign%C3%A9%20%E2%80%93%20v2.pdf`],
    ['Data protection policy – 2018’s update.pdf', `attachment; filename="Data protection policy _ 2018_s update.pdf"; filename*=UTF-8''Data%20protection%20policy%20%E2%80%93%202018%E2%80%99s%20update.pdf`],
    ['a "quoted"\r\nSet-Cookie: x=y.csv', `attachment; filename="a _quoted___Set-Cookie: x=y.csv"; filename*=UTF-8''a%20%22quoted%22%0D%0ASet-Cookie%3A%20x%3Dy.csv`],
  ])('%j', (name, header) => {
    expect(contentDisposition('attachment', name)).toBe(header);
  });
});
