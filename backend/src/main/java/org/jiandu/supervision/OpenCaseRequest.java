package org.jiandu.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Opening a case: its source (and the source's number, e.g. a complaint's), the agency, title and summary. */
public record OpenCaseRequest(@NotBlank String sourceType, @Size(max = 80) String sourceRef,
                              @NotBlank @Size(max = 32) String agencyCode, @NotBlank @Size(max = 200) String title,
                              @NotBlank @Size(max = 20000) String summary) {
}
