package org.jiandu.deadline;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jiandu.identity.AnyUser;
import org.jiandu.identity.Role;
import org.jiandu.identity.Roles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/deadline-policies")
@AnyUser
class DeadlinePolicyController {

    private final Deadlines deadlines;

    DeadlinePolicyController(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<DeadlinePolicy> list() {
        return deadlines.all();
    }

    @GetMapping("/{key}")
    @Transactional(readOnly = true)
    DeadlinePolicy get(@PathVariable String key) {
        return deadlines.policy(key);
    }

    /** What the policy gives for a start date: the due date and the reminder day. */
    @GetMapping("/{key}/due")
    @Transactional(readOnly = true)
    DueAnswer due(@PathVariable String key,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from) {
        return new DueAnswer(key, from, deadlines.dueDate(key, from));
    }

    @PutMapping("/{key}")
    @Roles(Role.ADMIN)
    DeadlinePolicy update(@PathVariable String key, @Valid @RequestBody PolicyRequest request) {
        return deadlines.update(key, request.description(), request.days(), request.dayKind(), request.reminderDays());
    }

    record PolicyRequest(@NotNull @Min(0) @Max(3650) Integer days,
                         @NotNull DeadlinePolicy.DayCount dayKind,
                         @NotNull @Min(0) @Max(365) Integer reminderDays,
                         @Size(max = 200) String description) {
    }

    record DueAnswer(String policyKey, LocalDate from, LocalDate due) {
    }
}
