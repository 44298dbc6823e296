package org.jiandu.clue;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jiandu.identity.Actor;
import org.jiandu.identity.Role;
import org.jiandu.trace.AuditLog;
import org.jiandu.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The categories of clues (问题线索类别) that an admin maintains, and whether each needs a collective decision. */
@RestController
class ClueCategoryController {

    private static final String RECORD_TYPE = "CLUE_CATEGORY";

    private final ClueMapper clues;
    private final AuditLog auditLog;
    private final Clock clock;

    ClueCategoryController(ClueMapper clues, AuditLog auditLog, Clock clock) {
        this.clues = clues;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @GetMapping("/api/clue-categories")
    @PreAuthorize(Role.STAFF)
    @Transactional(readOnly = true)
    public List<ClueCategory> enabled() {
        return clues.categories(true);
    }

    @GetMapping("/api/admin/clue-categories")
    @Transactional(readOnly = true)
    public List<ClueCategory> all() {
        return clues.categories(false);
    }

    @PostMapping("/api/admin/clue-categories")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public ClueCategory create(@Valid @RequestBody CategoryRequest request) {
        if (request.code() == null) {
            throw ApiException.badRequest("CATEGORY_CODE_MISSING", "请填写类别代码。");
        }
        if (clues.findCategory(request.code()).isPresent()) {
            throw ApiException.conflict("CATEGORY_CODE_TAKEN", "类别代码 " + request.code() + " 已被使用。");
        }
        ClueCategory category = new ClueCategory(request.code(), request.name().strip(), request.requiresCollective(),
                request.enabled(), request.sortNo());
        clues.insertCategory(category, Actor.current().userId(), LocalDateTime.now(clock).withNano(0));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("name", category.name());
        changes.put("requiresCollective", category.requiresCollective());
        changes.put("enabled", category.enabled());
        auditLog.record(RECORD_TYPE, category.code(), "CATEGORY_CREATED", changes);
        return category;
    }

    @PutMapping("/api/admin/clue-categories/{code}")
    @Transactional
    public ClueCategory update(@PathVariable String code, @Valid @RequestBody CategoryRequest request) {
        ClueCategory before = clues.findCategory(code).orElseThrow(() -> ApiException.notFound("CATEGORY_NOT_FOUND",
                "类别 " + code + " 不存在。"));
        ClueCategory after = new ClueCategory(code, request.name().strip(), request.requiresCollective(),
                request.enabled(), request.sortNo());
        clues.updateCategory(after, Actor.current().userId(), LocalDateTime.now(clock).withNano(0));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("name", AuditLog.change(before.name(), after.name()));
        changes.put("requiresCollective", AuditLog.change(before.requiresCollective(), after.requiresCollective()));
        changes.put("enabled", AuditLog.change(before.enabled(), after.enabled()));
        auditLog.record(RECORD_TYPE, code, "CATEGORY_CHANGED", changes);
        return after;
    }

    /** {@code code} is needed to create a category; a change takes it from the path. */
    record CategoryRequest(@Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "应为大写字母、数字或下划线") String code,
                           @NotBlank @Size(max = 200) String name,
                           boolean requiresCollective,
                           @NotNull Boolean enabled,
                           int sortNo) {
    }
}
