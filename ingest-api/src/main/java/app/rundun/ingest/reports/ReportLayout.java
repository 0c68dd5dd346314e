package app.rundun.ingest.reports;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Flows text and pictures down A4 pages, starting a page when one is full. The standard PDF fonts
 * are used, so a character they cannot show is written as {@code ?}.
 */
final class ReportLayout implements AutoCloseable {

  static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  static final PDFont MONO = new PDType1Font(Standard14Fonts.FontName.COURIER);

  private static final float MARGIN = 50;
  private static final PDRectangle SIZE = PDRectangle.A4;
  private static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;

  private final PDDocument document;
  private final String footer;
  private PDPageContentStream page;
  private float y;
  private int pages;

  ReportLayout(PDDocument document, String footer) {
    this.document = document;
    this.footer = footer;
  }

  void heading(String text, float size) throws IOException {
    space(size * 0.6f);
    paragraph(text, BOLD, size);
  }

  void paragraph(String text, PDFont font, float size) throws IOException {
    for (String line : wrap(printable(text), font, size)) {
      room(size * 1.35f);
      page.beginText();
      page.setFont(font, size);
      page.newLineAtOffset(MARGIN, y - size);
      page.showText(line);
      page.endText();
      y -= size * 1.35f;
    }
  }

  /** A photo, scaled to fit {@code maxWidth} points wide and a third of a page high. */
  void picture(BufferedImage image, float maxWidth) throws IOException {
    float scale = Math.min(maxWidth / image.getWidth(), (SIZE.getHeight() / 3) / image.getHeight());
    float width = image.getWidth() * scale;
    float height = image.getHeight() * scale;
    room(height + 4);
    PDImageXObject picture = JPEGFactory.createFromImage(document, image, 0.8f);
    page.drawImage(picture, MARGIN, y - height, width, height);
    y -= height + 4;
  }

  void space(float points) {
    y -= points;
  }

  @Override
  public void close() throws IOException {
    if (page != null) {
      page.close();
    }
  }

  private void room(float needed) throws IOException {
    if (page == null || y - needed < MARGIN + 20) {
      newPage();
    }
  }

  private void newPage() throws IOException {
    close();
    PDPage next = new PDPage(SIZE);
    document.addPage(next);
    page = new PDPageContentStream(document, next);
    pages++;
    page.beginText();
    page.setFont(REGULAR, 8);
    page.newLineAtOffset(MARGIN, MARGIN - 10);
    page.showText(printable(footer + " · page " + pages));
    page.endText();
    y = SIZE.getHeight() - MARGIN;
  }

  private static List<String> wrap(String text, PDFont font, float size) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > WIDTH) {
          lines.add(line.toString());
          line = new StringBuilder(word);
        } else {
          line = new StringBuilder(candidate);
        }
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** What the standard fonts (WinAnsi) can show; anything else becomes {@code ?}. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(c ->
            out.append(
                c == '\n'
                        || c >= 32 && c < 127
                        || c >= 160 && c <= 255
                        || "—–‘’“”•…€±·".indexOf(c) >= 0
                    ? Character.toString(c)
                    : "?"));
    return out.toString();
  }
}
