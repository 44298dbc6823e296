package org.jiandu.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.springframework.stereotype.Component;

/**
 * Renders an {@link OfficialDocument} as a .docx laid out as GB/T 9704-2012 (党政机关公文格式) asks:
 * A4, margins 37/35/28/26 mm, the issuing body's name in red as the header (发文机关标志), the
 * number centred below it (发文字号) over a red rule, the title in 2号 小标宋, the addressee flush left
 * with a full-width colon, the body in 3号 仿宋_GB2312 at 22 lines of 28 characters, attachments after
 * the body, and the signature with the date in Arabic numerals. The fonts are named in the file; the
 * reader's Word supplies them.
 */
@Component
public class OfficialDocumentWriter {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String RED = "E00000";
    /** 3号 = 16 pt; 2号 = 22 pt. */
    private static final int SIZE_3 = 16;
    private static final int SIZE_2 = 22;
    /** 22 lines a page over the type area of 225 mm: exact spacing of 28.95 pt, in twentieths of a point. */
    private static final int LINE_TWIPS = 579;
    /** Two characters of 3号 for the first-line indent, in twips. */
    private static final int INDENT_TWO_CHARS = 640;

    public byte[] write(OfficialDocument doc) {
        try (XWPFDocument word = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pageSetup(word);
            header(word, doc);
            blank(word);
            XWPFParagraph title = paragraph(word, ParagraphAlignment.CENTER);
            run(title, doc.title(), TITLE_FONT, SIZE_2, null);
            blank(word);
            if (doc.addressee() != null && !doc.addressee().isBlank()) {
                XWPFParagraph addressee = paragraph(word, ParagraphAlignment.LEFT);
                String text = doc.addressee().strip();
                run(addressee, text.endsWith("：") ? text : text + "：", BODY_FONT, SIZE_3, null);
            }
            for (String text : doc.paragraphs()) {
                XWPFParagraph body = paragraph(word, ParagraphAlignment.BOTH);
                body.setIndentationFirstLine(INDENT_TWO_CHARS);
                run(body, text.strip(), BODY_FONT, SIZE_3, null);
            }
            attachments(word, doc);
            blank(word);
            blank(word);
            XWPFParagraph signature = paragraph(word, ParagraphAlignment.RIGHT);
            signature.setIndentationRight(INDENT_TWO_CHARS * 2);
            run(signature, doc.signature() == null ? doc.issuerName() : doc.signature(), BODY_FONT, SIZE_3, null);
            XWPFParagraph date = paragraph(word, ParagraphAlignment.RIGHT);
            date.setIndentationRight(INDENT_TWO_CHARS * 2);
            run(date, chineseDate(doc.date()), BODY_FONT, SIZE_3, null);
            word.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the document " + doc.title(), e);
        }
    }

    /**
     * The rendered document with its number written in place of {@code placeholder} (the {@code docNo} it was
     * rendered with): rewrites the body part of the .docx only, a few milliseconds against a rendering's tens,
     * so that a number taken under its counter's lock is written without rendering under that lock.
     */
    static byte[] stampNumber(byte[] docx, String placeholder, String docNo) {
        String escaped = docNo.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        boolean stamped = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream(docx.length + 64)) {
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    byte[] content = in.readAllBytes();
                    if (entry.getName().equals("word/document.xml")) {
                        String xml = new String(content, StandardCharsets.UTF_8);
                        int at = xml.indexOf(placeholder);
                        if (at >= 0) {
                            xml = xml.substring(0, at) + escaped + xml.substring(at + placeholder.length());
                            content = xml.getBytes(StandardCharsets.UTF_8);
                            stamped = true;
                        }
                    }
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(content);
                    out.closeEntry();
                }
            }
            if (!stamped) {
                throw new IllegalStateException("The document has no number placeholder " + placeholder);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the number " + docNo + " into the document", e);
        }
    }

    /** {@code 2026年11月22日}: Arabic numerals, no leading zeros. */
    public static String chineseDate(java.time.LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private void header(XWPFDocument word, OfficialDocument doc) {
        XWPFParagraph issuer = paragraph(word, ParagraphAlignment.CENTER);
        issuer.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        run(issuer, doc.issuerName(), TITLE_FONT, 36, RED);
        blank(word);
        XWPFParagraph number = paragraph(word, ParagraphAlignment.CENTER);
        number.setBorderBottom(Borders.SINGLE);
        number.getCTP().getPPr().getPBdr().getBottom().setColor(RED);
        number.getCTP().getPPr().getPBdr().getBottom().setSz(BigInteger.valueOf(18));
        run(number, doc.docNo() == null ? "" : doc.docNo(), BODY_FONT, SIZE_3, null);
    }

    private void attachments(XWPFDocument word, OfficialDocument doc) {
        if (doc.attachments().isEmpty()) {
            return;
        }
        blank(word);
        for (int i = 0; i < doc.attachments().size(); i++) {
            XWPFParagraph line = paragraph(word, ParagraphAlignment.LEFT);
            line.setIndentationFirstLine(INDENT_TWO_CHARS);
            String prefix = i == 0 ? "附件：" : "　　　";
            String numbered = doc.attachments().size() == 1 ? doc.attachments().get(0)
                    : (i + 1) + ". " + doc.attachments().get(i);
            run(line, prefix + numbered, BODY_FONT, SIZE_3, null);
        }
    }

    private static void pageSetup(XWPFDocument word) {
        CTSectPr section = word.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));   // A4, 210 mm
        size.setH(BigInteger.valueOf(16838));   // 297 mm
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(2098));     // 37 mm
        margins.setBottom(BigInteger.valueOf(1984));  // 35 mm
        margins.setLeft(BigInteger.valueOf(1587));    // 28 mm
        margins.setRight(BigInteger.valueOf(1474));   // 26 mm
    }

    private static XWPFParagraph paragraph(XWPFDocument word, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = word.createParagraph();
        paragraph.setAlignment(alignment);
        paragraph.setSpacingBetween(LINE_TWIPS, LineSpacingRule.EXACT);
        paragraph.setSpacingAfter(0);
        paragraph.setSpacingBefore(0);
        return paragraph;
    }

    private static void blank(XWPFDocument word) {
        paragraph(word, ParagraphAlignment.LEFT);
    }

    private static void run(XWPFParagraph paragraph, String text, String font, int size, String color) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontSize(size);
        run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        if (color != null) {
            run.setColor(color);
        }
    }
}
