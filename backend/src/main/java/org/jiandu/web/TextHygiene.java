package org.jiandu.web;

import java.beans.PropertyEditorSupport;
import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Input hygiene in one place: no text that reaches {@code /api} (JSON bodies, request parameters, path
 * variables, multipart text fields, file names) may carry control characters or bidirectional overrides.
 * A NUL, an escape sequence or a right-to-left override (U+202E) in a name makes what a reader sees differ
 * from what is stored (display spoofing), so such text is refused with 400 {@code INVALID_TEXT} rather than
 * silently changed. Tab, line feed and carriage return are ordinary text and pass.
 */
@Configuration(proxyBeanMethods = false)
public class TextHygiene {

    /** The first character of {@code text} that is not allowed, as {@code U+XXXX}; null when the text is clean. */
    public static String offendingCharacter(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (forbidden(c)) {
                return "U+%04X".formatted((int) c);
            }
        }
        return null;
    }

    private static boolean forbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                || (c >= 0x7F && c <= 0x9F)                     // DEL and the C1 controls
                || c == 0x061C || c == 0x200E || c == 0x200F     // Arabic letter mark, LRM, RLM
                || (c >= 0x202A && c <= 0x202E)                  // LRE, RLE, PDF, LRO, RLO
                || (c >= 0x2066 && c <= 0x2069)                  // LRI, RLI, FSI, PDI
                || Character.isSurrogate(c);                     // a lone half of a surrogate pair
    }

    /** Refuses {@code text} if it carries a forbidden character; {@code field} names it for the person. */
    public static void check(String field, String text) {
        String offending = offendingCharacter(text);
        if (offending != null) {
            throw new UnsafeTextException(field, offending);
        }
    }

    /** Text with a forbidden character; answered 400 {@code INVALID_TEXT}. */
    public static class UnsafeTextException extends IllegalArgumentException {

        private final String field;
        private final String character;

        UnsafeTextException(String field, String character) {
            super(describe(field, character));
            this.field = field;
            this.character = character;
        }

        /** What the person is told, naming the field (or parameter) if known. */
        public static String describe(String field, String character) {
            return (field == null ? "提交的文字" : "“" + field + "”") + "含有不允许的控制字符或文字方向控制符（" + character
                    + "），请删除后重新提交。";
        }

        public String field() {
            return field;
        }

        public String character() {
            return character;
        }

        public static UnsafeTextException in(Throwable error) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (cause instanceof UnsafeTextException unsafe) {
                    return unsafe;
                }
            }
            return null;
        }
    }

    /** Every JSON string read by {@code /api} (record fields, map values, list items) is checked. */
    @Bean
    Module textHygieneModule() {
        SimpleModule module = new SimpleModule("jiandu-text-hygiene");
        module.addDeserializer(String.class, new CheckedStringDeserializer());
        return module;
    }

    static class CheckedStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            String offending = offendingCharacter(value);
            if (offending != null) {
                String field = parser.getParsingContext().getCurrentName();
                throw JsonMappingException.from(parser, "unsafe text", new UnsafeTextException(field, offending));
            }
            return value;
        }
    }

    /** Request parameters, path variables and multipart text fields bound to a {@code String}. */
    static PropertyEditorSupport parameterEditor() {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                check(null, text);
                setValue(text);
            }
        };
    }
}
