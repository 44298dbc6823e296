package org.jiandu.complaint;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a complainant tells us, on the public form or through a clerk: who (unless anonymous), about
 * which agency (a code, or free text when unknown), in which enforcement field, when and where, what
 * happened and what they ask for.
 */
public record ComplaintForm(
        Boolean anonymous,
        @Size(max = 50) String complainantName,
        @Size(max = 30) @Pattern(regexp = "^[0-9+()\\- ]{5,30}$", message = "联系电话格式不正确") String complainantPhone,
        @Size(max = 200) String complainantAddress,
        @Size(max = 32) String agencyCode,
        @Size(max = 200) String agencyText,
        @NotBlank @Size(max = 32) String fieldCode,
        @NotNull LocalDate occurredOn,
        @NotBlank @Size(max = 200) String occurredPlace,
        @NotBlank @Size(max = 5000) String facts,
        @NotBlank @Size(max = 2000) String demands) {

    boolean isAnonymous() {
        return Boolean.TRUE.equals(anonymous);
    }
}
