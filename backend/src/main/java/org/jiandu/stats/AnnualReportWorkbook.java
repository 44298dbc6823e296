package org.jiandu.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes the annual report (年度报告) as an .xlsx with Apache POI: a cover sheet saying what the figures
 * cover, then one sheet per section with its table and notes. Rates are written as numbers with a
 * percentage format (so they can be summed or charted), or "—" when nothing was due.
 */
@Component
class AnnualReportWorkbook {

    static final String COVER_SHEET = "说明";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    record Section(String title, StatsTable table) {
    }

    record Cover(int year, StatsPeriod period, String jurisdiction, String generatedBy, LocalDateTime generatedAt) {
    }

    byte[] write(Cover cover, List<Section> sections) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            Sheet coverSheet = workbook.createSheet(COVER_SHEET);
            coverSheet.setColumnWidth(0, 16 * 256);
            coverSheet.setColumnWidth(1, 60 * 256);
            text(coverSheet.createRow(0).createCell(0), cover.year() + "年度行政执法监督工作报告数据", styles.title);
            String[][] lines = {
                    {"统计期间", cover.period().label()},
                    {"统计范围", cover.jurisdiction()},
                    {"报送期限", (cover.year() + 1) + "年1月15日前（年度报告制度）"},
                    {"生成人", cover.generatedBy()},
                    {"生成时间", TIME.format(cover.generatedAt())},
            };
            int r = 2;
            for (String[] line : lines) {
                Row row = coverSheet.createRow(r++);
                text(row.createCell(0), line[0], styles.header);
                text(row.createCell(1), line[1], styles.plain);
            }
            r++;
            text(coverSheet.createRow(r++).createCell(0), "各表", styles.header);
            for (Section section : sections) {
                text(coverSheet.createRow(r++).createCell(1), sheetName(section.title()), styles.plain);
            }
            if (sections.isEmpty()) {
                text(coverSheet.createRow(r).createCell(1), "尚无统计分表（各业务模块提供后自动列入）。", styles.plain);
            }
            for (Section section : sections) {
                writeSection(workbook.createSheet(sheetName(section.title())), section, styles);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the annual report " + cover.year(), e);
        }
    }

    static String sheetName(String title) {
        return WorkbookUtil.createSafeSheetName(title);
    }

    private static void writeSection(Sheet sheet, Section section, Styles styles) {
        StatsTable table = section.table();
        text(sheet.createRow(0).createCell(0), section.title(), styles.title);
        Row header = sheet.createRow(2);
        for (int c = 0; c < table.headers().size(); c++) {
            text(header.createCell(c), table.headers().get(c), styles.header);
            sheet.setColumnWidth(c, (c == 0 ? 24 : 14) * 256);
        }
        int r = 3;
        for (List<Object> values : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                value(row.createCell(c), values.get(c), styles);
            }
        }
        r++;
        for (String note : table.notes()) {
            text(sheet.createRow(r++).createCell(0), note, styles.note);
        }
        sheet.createFreezePane(1, 3);
    }

    private static void value(Cell cell, Object value, Styles styles) {
        if (value == null || value instanceof Rate rate && rate.value() == null) {
            text(cell, "—", styles.plain);
        } else if (value instanceof Rate rate) {
            cell.setCellValue(rate.value());
            cell.setCellStyle(styles.percent);
        } else if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            cell.setCellValue(((Number) value).doubleValue());
            cell.setCellStyle(styles.decimal);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.longValue());
            cell.setCellStyle(styles.integer);
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date);
        } else {
            text(cell, value.toString(), styles.plain);
        }
    }

    private static void text(Cell cell, String text, CellStyle style) {
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    /** The few cell styles of the report, made once per workbook (Excel limits their number). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle plain;
        final CellStyle note;
        final CellStyle integer;
        final CellStyle decimal;
        final CellStyle percent;
        final CellStyle date;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            header = bordered(workbook);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            plain = bordered(workbook);
            note = workbook.createCellStyle();
            integer = bordered(workbook);
            integer.setDataFormat(workbook.createDataFormat().getFormat("0"));
            decimal = bordered(workbook);
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
            percent = bordered(workbook);
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            date = bordered(workbook);
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        }

        private static CellStyle bordered(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
