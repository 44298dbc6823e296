package org.jiandu.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

class OfficialDocumentWriterTest {

    @Test
    void writesAGovernmentDocumentWordOpens() throws Exception {
        OfficialDocument letter = new OfficialDocument("市司法局", "市司监建〔2026〕7号", "行政执法监督建议书",
                "市市场监督管理局", List.of("经调查，你局在执法中存在未依法告知当事人陈述申辩权利的问题。", "请于收到本建议书之日起三十日内书面回复。"),
                List.of("调查笔录", "证据清单"), "市司法局", LocalDate.of(2026, 11, 22));

        byte[] docx = new OfficialDocumentWriter().write(letter);

        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<XWPFParagraph> paragraphs = word.getParagraphs();
            List<String> texts = paragraphs.stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains("市司法局", "市司监建〔2026〕7号", "行政执法监督建议书", "市市场监督管理局：",
                    "附件：1. 调查笔录", "2026年11月22日");
            XWPFParagraph header = paragraphs.get(0);
            assertThat(header.getRuns().get(0).getColor()).isEqualTo(OfficialDocumentWriter.RED);
            assertThat(header.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            XWPFParagraph title = paragraphs.stream().filter(p -> p.getText().equals("行政执法监督建议书")).findFirst().orElseThrow();
            assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(22.0);
            assertThat(title.getRuns().get(0).getFontFamily(org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo(OfficialDocumentWriter.TITLE_FONT);
            XWPFParagraph body = paragraphs.stream().filter(p -> p.getText().startsWith("经调查")).findFirst().orElseThrow();
            assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
            assertThat(body.getRuns().get(0).getFontFamily(org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo(OfficialDocumentWriter.BODY_FONT);
            assertThat(word.getDocument().getBody().getSectPr().getPgSz().getW().toString()).isEqualTo("11906");
        }
    }

    @Test
    void aNumberWrittenInAfterRenderingIsTheDocumentsNumber() throws Exception {
        // numbered documents are rendered before their number is taken (DocumentNumbers.render), then stamped
        OfficialDocument draft = new OfficialDocument("市司法局", "DOCNO-1f2e", "投诉举报答复意见书", "张三",
                List.of("经调查，反映的问题不属实。"), List.of(), "市司法局", LocalDate.of(2026, 11, 22));

        byte[] docx = OfficialDocumentWriter.stampNumber(new OfficialDocumentWriter().write(draft), "DOCNO-1f2e",
                "市司投复〔2026〕12号");

        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> texts = word.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains("市司法局", "市司投复〔2026〕12号", "投诉举报答复意见书", "张三：", "经调查，反映的问题不属实。");
            assertThat(String.join("\n", texts)).doesNotContain("DOCNO");
        }
    }

    @Test
    void aDocumentWithoutThePlaceholderIsNotStamped() {
        byte[] docx = new OfficialDocumentWriter().write(new OfficialDocument("市司法局", null, "通知", null, List.of("正文"),
                List.of(), "市司法局", LocalDate.of(2026, 11, 22)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OfficialDocumentWriter.stampNumber(docx, "DOCNO-x", "7号"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void datesHaveNoLeadingZeros() {
        assertThat(OfficialDocumentWriter.chineseDate(LocalDate.of(2026, 1, 5))).isEqualTo("2026年1月5日");
    }
}
