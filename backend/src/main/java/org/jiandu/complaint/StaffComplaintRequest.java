package org.jiandu.complaint;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A complaint a clerk registers from a letter, visit, phone call, 12345 hand-over or referral. */
public record StaffComplaintRequest(
        @NotNull ComplaintSource source,
        @Size(max = 64) String hotlineOrderNo,
        @Size(max = 64) String referralNo,
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

    ComplaintForm form() {
        return new ComplaintForm(anonymous, complainantName, complainantPhone, complainantAddress, agencyCode,
                agencyText, fieldCode, occurredOn, occurredPlace, facts, demands);
    }
}
