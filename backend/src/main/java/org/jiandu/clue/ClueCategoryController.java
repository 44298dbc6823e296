package org.jiandu.clue;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jiandu.identity.Role;
import org.jiandu.identity.Roles;
import org.jiandu.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Categories of clues: the enabled ones for staff, all of them and changes for admins (under /api/admin). */
@RestController
class ClueCategoryController {

    private final ClueCategories categories;

    ClueCategoryController(ClueCategories categories) {
        this.categories = categories;
    }

    @GetMapping("/api/clue-categories")
    @Roles({Role.CLERK, Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER, Role.AUDITOR, Role.ADMIN})
    List<ClueCategory> enabled() {
        return categories.list(true);
    }

    @GetMapping("/api/admin/clue-categories")
    @Roles(Role.ADMIN)
    List<ClueCategory> all() {
        return categories.list(false);
    }

    @PostMapping("/api/admin/clue-categories")
    @Roles(Role.ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    ClueCategory create(@Valid @RequestBody CategoryRequest request) {
        if (request.code() == null) {
            throw ApiException.badRequest("CATEGORY_CODE_MISSING", "请填写类别代码。");
        }
        return categories.create(request.toCategory(request.code()));
    }

    @PutMapping("/api/admin/clue-categories/{code}")
    @Roles(Role.ADMIN)
    ClueCategory update(@PathVariable String code, @Valid @RequestBody CategoryRequest request) {
        return categories.update(request.toCategory(code));
    }

    /** {@code code} is needed to create a category; a change takes it from the path. */
    record CategoryRequest(@Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "应为大写字母、数字或下划线") String code,
                           @NotBlank @Size(max = 200) String name,
                           boolean requiresCollective,
                           @NotNull Boolean enabled,
                           int sortNo) {

        ClueCategory toCategory(String categoryCode) {
            return new ClueCategory(categoryCode, name.strip(), requiresCollective, enabled, sortNo);
        }
    }
}
