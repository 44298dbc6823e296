package org.jiandu.letter;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a letter says: to which agency, its title and text, its own reply term, whether it requires rectification. */
public record LetterContent(@NotBlank @Size(max = 32) String agencyCode, @NotBlank @Size(max = 200) String title,
                            @NotBlank @Size(max = 20000) String body, @Min(1) @Max(365) Integer replyDays,
                            boolean rectificationRequired) {
}
