import "server-only";
import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";

export type ReceiptSection = { title: string; rows: [label: string, value: string][] };
export type ReceiptContent = { title: string; subtitle: string; sections: ReceiptSection[]; footer: string[] };

// Helvetica (a standard PDF font, nothing embedded) encodes WinAnsi only: spaces Intl may use are
// made plain, and any other character it cannot draw becomes "?" rather than failing the receipt.
function drawable(font: PDFFont, text: string): string {
  const plain = text.replace(/[\u00a0\u202f\u2009]/g, " ");
  try {
    font.encodeText(plain);
    return plain;
  } catch {
    return [...plain]
      .map((ch) => {
        try {
          font.encodeText(ch);
          return ch;
        } catch {
          return "?";
        }
      })
      .join("");
  }
}

/** One A4 page (more when needed): a title, labelled sections of label/value rows, a footer. */
export async function renderReceiptPdf(content: ReceiptContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(content.title);
  pdf.setProducer("MANGOPAY Dashboard");
  pdf.setCreationDate(new Date());
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const [width, height] = [595.28, 841.89];
  const margin = 50;
  let page = pdf.addPage([width, height]);
  let y = height - margin;
  const line = (text: string, font: PDFFont, size: number, x = margin, color = rgb(0.1, 0.1, 0.15)) => {
    page.drawText(drawable(font, text), { x, y, size, font, color });
  };
  const advance = (dy: number) => {
    y -= dy;
    if (y < margin + 40) {
      page = pdf.addPage([width, height]);
      y = height - margin;
    }
  };

  line(content.title, bold, 18);
  advance(22);
  line(content.subtitle, regular, 10, margin, rgb(0.35, 0.38, 0.45));
  advance(28);
  for (const section of content.sections) {
    line(section.title, bold, 12);
    advance(18);
    for (const [label, value] of section.rows) {
      line(label, regular, 10, margin, rgb(0.35, 0.38, 0.45));
      line(value, regular, 10, margin + 170);
      advance(15);
    }
    advance(12);
  }
  for (const text of content.footer) {
    line(text, regular, 8, margin, rgb(0.45, 0.48, 0.55));
    advance(11);
  }
  return pdf.save();
}
