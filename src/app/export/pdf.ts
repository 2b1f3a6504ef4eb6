import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

/**
 * PDFs for packs and statements, drawn server side with pdfmake and its bundled Roboto (which has
 * the £, – and … that the standard-14 fonts lack). pdfmake 0.3 refuses to read font files until
 * a local file access policy allows them: only the font folder is allowed, and no URL at all.
 */
const require = createRequire(import.meta.url);
let loaded: typeof import('pdfmake') | undefined;

/** pdfmake, set up on first use: it is large, and most commands and requests never draw a PDF. */
function pdfmake(): typeof import('pdfmake') {
  if (loaded) return loaded;
  const maker = require('pdfmake') as typeof import('pdfmake');
  const fontFolder = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  maker.setFonts({
    Roboto: {
      normal: join(fontFolder, 'Roboto-Regular.ttf'),
      bold: join(fontFolder, 'Roboto-Medium.ttf'),
      italics: join(fontFolder, 'Roboto-Italic.ttf'),
      bolditalics: join(fontFolder, 'Roboto-MediumItalic.ttf'),
    },
  });
  maker.setLocalAccessPolicy((path) => path.startsWith(fontFolder));
  maker.setUrlAccessPolicy(() => false);
  return (loaded = maker);
}

export type PdfDocument = TDocumentDefinitions;

/**
 * Draws a PDF. Its language is British English and a reader shows its title (info.title), not the
 * file's name, so a screen reader announces both; pdfmake cannot tag its structure (headings,
 * tables), so the PDF does not claim to be tagged.
 */
export async function renderPdf(document: PdfDocument): Promise<Buffer> {
  return pdfmake()
    .createPdf({ language: 'en-GB', displayTitle: true, ...document, info: { creator: 'atscale', producer: 'atscale', ...document.info }, defaultStyle: { font: 'Roboto', fontSize: 10, ...document.defaultStyle } })
    .getBuffer();
}
