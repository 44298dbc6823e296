package org.jiandu.web;

import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * What the client asked to get back from an action on a record (RFC 7240, the {@code Prefer} request header).
 * An action answers with the record's state after it, read in a transaction of its own once the action has
 * committed; a client that does not need it sends {@code Prefer: return=minimal} and gets {@code 204 No Content}
 * with {@code Preference-Applied: return=minimal}, and the read is not done. Without the header, or with
 * {@code return=representation}, the answer is the state, as always. The preference changes only the answer:
 * the action, its checks and its refusals are the same.
 */
public final class Prefer {

    public static final String HEADER = "Prefer";
    static final String APPLIED = "Preference-Applied";
    static final String RETURN_MINIMAL = "return=minimal";

    private static final Prefer REPRESENTATION = new Prefer(false);
    private static final Prefer MINIMAL = new Prefer(true);

    private final boolean minimal;

    private Prefer(boolean minimal) {
        this.minimal = minimal;
    }

    /** True when the client asked for {@code return=minimal}. */
    public boolean minimal() {
        return minimal;
    }

    /** 204 with {@code Preference-Applied} when the client asked for a minimal answer, else 200 with the state. */
    public <T> ResponseEntity<T> answer(Supplier<T> state) {
        if (minimal) {
            return ResponseEntity.noContent().header(APPLIED, RETURN_MINIMAL).header(HttpHeaders.VARY, HEADER).build();
        }
        return ResponseEntity.ok().header(HttpHeaders.VARY, HEADER).body(state.get());
    }

    /**
     * The {@code return} preference of the request's {@code Prefer} headers: a list of preferences separated by
     * commas, each a token, an optional {@code =value} (perhaps quoted) and parameters after {@code ;}; names
     * are case-insensitive, and of a preference given twice the first counts (RFC 7240, sections 2 and 3).
     * Anything else, including what cannot be parsed, leaves the default.
     */
    static Prefer of(String... headers) {
        for (String header : headers == null ? new String[0] : headers) {
            for (String preference : header.split(",")) {
                String nameAndValue = preference.split(";", 2)[0];
                int equals = nameAndValue.indexOf('=');
                String name = (equals < 0 ? nameAndValue : nameAndValue.substring(0, equals)).strip();
                if (!name.equalsIgnoreCase("return") || equals < 0) {
                    continue;
                }
                String value = nameAndValue.substring(equals + 1).strip().replace("\"", "").toLowerCase(Locale.ROOT);
                return value.equals("minimal") ? MINIMAL : REPRESENTATION;
            }
        }
        return REPRESENTATION;
    }

    /** Gives a controller method's {@code Prefer} parameter from the request. */
    static final class Resolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Prefer.class;
        }

        @Override
        public Prefer resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                      NativeWebRequest request, WebDataBinderFactory binders) {
            return of(request.getHeaderValues(HEADER));
        }
    }
}
