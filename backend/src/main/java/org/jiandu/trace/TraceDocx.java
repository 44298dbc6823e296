package org.jiandu.trace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.springframework.stereotype.Component;

/**
 * A record's trace as a Word document an auditor can file: the processes, the timeline and the list of
 * documents with their SHA-256, in tables on landscape A4 (a timeline does not fit the running text of an
 * official document, so this is written with POI directly rather than with the GB/T 9704 writer).
 */
@Component
class TraceDocx {

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String HEADING_FONT = "黑体";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final Map<String, String> SOURCES = Map.of("PROCESS", "流程", "ACTIVITY", "环节", "TASK", "任务",
            "OPERATION", "任务操作", "VARIABLE", "流程变量", "INCIDENT", "异常", "AUDIT", "业务操作", "DOCUMENT", "文书");
    private static final Map<String, String> EVENTS = Map.ofEntries(Map.entry("STARTED", "开始"),
            Map.entry("ENDED", "结束"), Map.entry("CREATED", "产生"), Map.entry("COMPLETED", "办结"),
            Map.entry("DELETED", "撤销"), Map.entry("CANCELED", "终止"), Map.entry("SET", "赋值"),
            Map.entry("RESOLVED", "排除"), Map.entry("STORED", "存档"), Map.entry("Claim", "认领"),
            Map.entry("Assign", "指派"), Map.entry("Delegate", "委托"), Map.entry("Resolve", "委托办结"),
            Map.entry("Complete", "提交"), Map.entry("SetOwner", "变更所有人"));

    byte[] write(TraceService.Trace trace, String exportedBy, OffsetDateTime exportedAt) {
        try (XWPFDocument word = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            landscapeA4(word);
            XWPFParagraph title = word.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, "行政执法监督全过程记录", TITLE_FONT, 22, false);
            XWPFParagraph number = word.createParagraph();
            number.setAlignment(ParagraphAlignment.CENTER);
            run(number, trace.businessKey(), BODY_FONT, 16, false);
            text(word, "所属单位代码：" + (trace.agencyCode() == null ? "（未指定）" : trace.agencyCode()));
            text(word, "导出人：" + exportedBy + "　　导出时间：" + TIME.format(exportedAt)
                    + "　　本文件的 SHA-256 记入审计日志（操作 TRACE_EXPORTED），可据此核对。");

            heading(word, "一、流程");
            table(word, List.of("流程", "业务编号", "开始", "结束", "状态"), trace.processes().stream()
                    .map(process -> List.of(orDash(process.processName()) + "（" + process.processKey() + "）",
                            orDash(process.businessKey()), time(process.startedAt()), time(process.endedAt()),
                            orDash(process.state())))
                    .toList());

            heading(word, "二、全过程时间线");
            int[] index = {0};
            table(word, List.of("序号", "时间", "类别", "事项", "记录编号", "环节 / 内容", "人员", "说明"),
                    trace.entries().stream().map(entry -> List.of(String.valueOf(++index[0]), time(entry.at()),
                            SOURCES.getOrDefault(entry.source(), entry.source()),
                            EVENTS.getOrDefault(entry.event(), entry.event()), orDash(entry.recordNo()),
                            step(entry), person(entry), detail(entry))).toList());

            heading(word, "三、文书清单");
            int[] docIndex = {0};
            table(word, List.of("序号", "文书", "文号", "类型", "版本", "存档时间", "存档人", "SHA-256"),
                    trace.documents().stream().map(document -> List.of(String.valueOf(++docIndex[0]),
                            document.title(), orDash(document.docNo()), document.docType(),
                            String.valueOf(document.version()), time(document.createdAt()), orDash(document.createdBy()),
                            document.sha256())).toList());
            word.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the trace of " + trace.businessKey(), e);
        }
    }

    private static String step(TraceEntry entry) {
        String name = entry.name() == null ? "" : entry.name();
        if (entry.activityId() != null) {
            return name.isEmpty() ? entry.activityId() : name + "（" + entry.activityId() + "）";
        }
        return name.isEmpty() ? orDash(entry.processKey()) : name;
    }

    private static String person(TraceEntry entry) {
        if (entry.userId() == null) {
            return "系统";
        }
        StringBuilder text = new StringBuilder(entry.userId());
        if (entry.userRoles() != null && !entry.userRoles().isEmpty()) {
            text.append("（").append(entry.userRoles()).append("）");
        }
        if (entry.userOrg() != null) {
            text.append(" ").append(entry.userOrg());
        }
        if (entry.clientAddress() != null) {
            text.append(" ").append(entry.clientAddress());
        }
        return text.toString();
    }

    private static String detail(TraceEntry entry) {
        String detail = entry.detail() == null ? "" : entry.detail();
        if (entry.durationMillis() != null) {
            String duration = "用时 " + formatDuration(entry.durationMillis());
            detail = detail.isEmpty() ? duration : detail + "；" + duration;
        }
        return detail;
    }

    static String formatDuration(long millis) {
        long minutes = millis / 60_000;
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        return (days > 0 ? days + "天" : "") + (days > 0 || hours > 0 ? hours + "小时" : "") + rest + "分钟";
    }

    private static String time(OffsetDateTime at) {
        return at == null ? "—" : TIME.format(at);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    private static void landscapeA4(XWPFDocument word) {
        CTSectPr section = word.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(16838));
        size.setH(BigInteger.valueOf(11906));
        size.setOrient(STPageOrientation.LANDSCAPE);
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1134));
        margins.setBottom(BigInteger.valueOf(1134));
        margins.setLeft(BigInteger.valueOf(1134));
        margins.setRight(BigInteger.valueOf(1134));
    }

    private static void heading(XWPFDocument word, String text) {
        XWPFParagraph paragraph = word.createParagraph();
        paragraph.setSpacingBefore(240);
        run(paragraph, text, HEADING_FONT, 14, false);
    }

    private static void text(XWPFDocument word, String text) {
        run(word.createParagraph(), text, BODY_FONT, 12, false);
    }

    private static void table(XWPFDocument word, List<String> headers, List<List<String>> rows) {
        XWPFTable table = word.createTable(rows.size() + 1, headers.size());
        table.setWidth("100%");
        fill(table.getRow(0), headers, true);
        for (int i = 0; i < rows.size(); i++) {
            fill(table.getRow(i + 1), rows.get(i), false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> values, boolean header) {
        for (int i = 0; i < values.size(); i++) {
            XWPFTableCell cell = row.getCell(i);
            XWPFParagraph paragraph = cell.getParagraphs().get(0);
            run(paragraph, values.get(i), BODY_FONT, 10, header);
        }
    }

    private static void run(XWPFParagraph paragraph, String text, String font, int size, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontFamily(font);
        run.setFontSize(size);
        run.setBold(bold);
    }
}
