package org.jiandu.rectification;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The agency's rectification plan: measures, its own milestones, the reporting cycle and the completion date. */
public record PlanRequest(@NotBlank @Size(max = 20000) String planText, @NotNull @Min(1) @Max(60) Integer reportCycleDays,
                          @NotNull LocalDate completionDate, @Valid @Size(max = 50) List<MilestoneRequest> milestones) {

    public PlanRequest {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** One milestone of the plan. */
    public record MilestoneRequest(@NotBlank @Size(max = 200) String title, @NotNull LocalDate dueDate) {
    }
}
