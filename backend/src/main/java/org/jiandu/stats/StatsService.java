package org.jiandu.stats;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.document.DocumentStore;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Jurisdictions;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.OrgUnit;
import org.jiandu.audit.AuditLog;
import org.jiandu.web.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the statistics sections the features provide over the caller's jurisdiction (the subtree of the
 * nearest government above their organisation), for one agency or all of them, and builds the annual report.
 */
@Service
public class StatsService {

    static final String REPORT_RECORD_TYPE = "ANNUAL_REPORT";

    private final List<StatsSection> sections;
    private final Jurisdictions jurisdictions;
    private final AnnualReportWorkbook workbook;
    private final AuditLog auditLog;
    private final Clock clock;

    StatsService(ObjectProvider<StatsSection> sections, Jurisdictions jurisdictions, AnnualReportWorkbook workbook,
                 AuditLog auditLog, Clock clock) {
        this.sections = sections.orderedStream().sorted(Comparator.comparingInt(StatsSection::order)
                .thenComparing(StatsSection::id)).toList();
        this.jurisdictions = jurisdictions;
        this.workbook = workbook;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The query for a caller: their jurisdiction's agencies, or the one agency asked for (404 if not theirs). */
    public StatsQuery query(CurrentUser user, StatsPeriod period, String agencyCode) {
        OrgUnit jurisdiction = jurisdictions.of(user.org());
        List<OrgUnit> agencies = jurisdictions.subtree(user.org()).stream()
                .filter(org -> org.kind() == OrgKind.AGENCY).toList();
        if (agencyCode != null && !agencyCode.isBlank()) {
            agencies = agencies.stream().filter(org -> org.code().equals(agencyCode)).toList();
            if (agencies.isEmpty()) {
                throw ApiException.notFound("AGENCY_NOT_FOUND", "您的管辖范围内没有代码为 " + agencyCode + " 的执法部门。");
            }
        }
        return new StatsQuery(period, jurisdiction, agencies);
    }

    @Transactional(readOnly = true)
    public Map<String, SectionFigures> all(StatsQuery query) {
        Map<String, SectionFigures> figures = new LinkedHashMap<>();
        for (StatsSection section : sections) {
            figures.put(section.id(), new SectionFigures(section.id(), section.title(), section.figures(query)));
        }
        return figures;
    }

    @Transactional(readOnly = true)
    public SectionFigures section(String id, StatsQuery query) {
        StatsSection section = sections.stream().filter(candidate -> candidate.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("STATS_SECTION_NOT_FOUND", "没有名为 " + id + " 的统计项。"));
        return new SectionFigures(section.id(), section.title(), section.figures(query));
    }

    /** The annual report of a year as .xlsx; generating it is recorded in the audit log with the file's SHA-256. */
    @Transactional
    public Report annualReport(CurrentUser user, int year) {
        if (year < 2000 || year > LocalDateTime.now(clock).getYear()) {
            throw ApiException.badRequest("YEAR_OUT_OF_RANGE", "年度应在 2000 年至今年之间。");
        }
        StatsQuery query = query(user, StatsPeriod.year(year), null);
        List<AnnualReportWorkbook.Section> filled = sections.stream()
                .map(section -> new AnnualReportWorkbook.Section(section.title(), section.figures(query))).toList();
        byte[] xlsx = workbook.write(new AnnualReportWorkbook.Cover(year, query.period(), query.jurisdiction().name(),
                user.displayName() + "（" + user.userId() + "）", LocalDateTime.now(clock).withNano(0)), filled);
        String sha256 = DocumentStore.sha256(xlsx);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("year", year);
        changes.put("jurisdiction", query.jurisdiction().code());
        changes.put("sections", sections.stream().map(StatsSection::id).toList());
        changes.put("sha256", sha256);
        auditLog.record(REPORT_RECORD_TYPE, query.jurisdiction().code() + "-" + year, "REPORT_EXPORTED", changes);
        return new Report(year + "年度行政执法监督工作报告数据（" + query.jurisdiction().name() + "）.xlsx", xlsx, sha256);
    }

    /** One section's figures, for the JSON API. */
    public record SectionFigures(String id, String title, StatsTable table) {
    }

    public record Report(String fileName, byte[] content, String sha256) {
    }
}
