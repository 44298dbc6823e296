package org.jiandu.clue;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.identity.Actor;
import org.jiandu.audit.AuditLog;
import org.jiandu.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The categories of clues (问题线索类别) an admin maintains, and whether each needs a collective decision. */
@Service
class ClueCategories {

    private static final String RECORD_TYPE = "CLUE_CATEGORY";

    private final ClueMapper clues;
    private final AuditLog auditLog;
    private final Clock clock;

    ClueCategories(ClueMapper clues, AuditLog auditLog, Clock clock) {
        this.clues = clues;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ClueCategory> list(boolean enabledOnly) {
        return clues.categories(enabledOnly);
    }

    @Transactional
    public ClueCategory create(ClueCategory category) {
        if (clues.findCategory(category.code()).isPresent()) {
            throw ApiException.conflict("CATEGORY_CODE_TAKEN", "类别代码 " + category.code() + " 已被使用。");
        }
        clues.insertCategory(category, Actor.current().userId(), LocalDateTime.now(clock).withNano(0));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("name", category.name());
        changes.put("requiresCollective", category.requiresCollective());
        changes.put("enabled", category.enabled());
        changes.put("sortNo", category.sortNo());
        auditLog.record(RECORD_TYPE, category.code(), "CATEGORY_CREATED", changes);
        return category;
    }

    @Transactional
    public ClueCategory update(ClueCategory after) {
        ClueCategory before = clues.findCategory(after.code()).orElseThrow(() -> ApiException.notFound(
                "CATEGORY_NOT_FOUND", "类别 " + after.code() + " 不存在。"));
        clues.updateCategory(after, Actor.current().userId(), LocalDateTime.now(clock).withNano(0));
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!before.name().equals(after.name())) {
            changes.put("name", AuditLog.change(before.name(), after.name()));
        }
        if (before.requiresCollective() != after.requiresCollective()) {
            changes.put("requiresCollective", AuditLog.change(before.requiresCollective(), after.requiresCollective()));
        }
        if (before.enabled() != after.enabled()) {
            changes.put("enabled", AuditLog.change(before.enabled(), after.enabled()));
        }
        if (before.sortNo() != after.sortNo()) {
            changes.put("sortNo", AuditLog.change(before.sortNo(), after.sortNo()));
        }
        auditLog.record(RECORD_TYPE, after.code(), "CATEGORY_CHANGED", changes);
        return after;
    }
}
