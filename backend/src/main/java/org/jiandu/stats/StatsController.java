package org.jiandu.stats;

import java.time.LocalDate;
import java.util.Collection;

import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Role;
import org.jiandu.identity.Roles;
import org.jiandu.web.ApiException;
import org.jiandu.web.FileDownload;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statistics per period and agency within the caller's jurisdiction, and the annual report:
 * {@code GET /api/stats?from=2026-01-01&to=2026-12-31[&agency=SCJ]}, {@code GET /api/stats/{section}?...},
 * {@code GET /api/stats/annual-report?year=2026} (.xlsx).
 */
@RestController
@RequestMapping("/api/stats")
@Roles({Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER, Role.AUDITOR})
class StatsController {

    private final StatsService stats;

    StatsController(StatsService stats) {
        this.stats = stats;
    }

    @GetMapping
    Collection<StatsService.SectionFigures> all(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                @RequestParam(required = false) String agency,
                                                @AuthenticationPrincipal CurrentUser user) {
        return stats.all(stats.query(user, period(from, to), agency)).values();
    }

    @GetMapping("/annual-report")
    ResponseEntity<byte[]> annualReport(@RequestParam int year, @AuthenticationPrincipal CurrentUser user) {
        StatsService.Report report = stats.annualReport(user, year);
        return FileDownload.of(report.content(), FileDownload.XLSX, report.fileName(), report.sha256());
    }

    @GetMapping("/{section}")
    StatsService.SectionFigures section(@PathVariable String section,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                        @RequestParam(required = false) String agency,
                                        @AuthenticationPrincipal CurrentUser user) {
        return stats.section(section, stats.query(user, period(from, to), agency));
    }

    private static StatsPeriod period(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiException.badRequest("PERIOD_INVALID", "统计期间的结束日期不能早于开始日期。");
        }
        return new StatsPeriod(from, to);
    }
}
