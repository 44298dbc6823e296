package org.jiandu.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may use an {@code /api} endpoint at all. Checked by {@link RoleInterceptor} before the
 * request is read, so a caller without one of them gets 403 {@code FORBIDDEN} whatever the body, path or
 * parameters (never a validation error that tells them what the endpoint expects).
 *
 * <p>On a controller class it applies to every endpoint of the class; on a method as well, both apply
 * (the method narrows the class). Checks that depend on the record (whose task, whose agency, which clue)
 * stay in the services. Every {@code /api} endpoint outside {@code /api/public} declares either this or
 * {@link AnyUser}; the application does not start otherwise. The rule is published in the OpenAPI
 * description as {@code x-roles}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Roles {

    Role[] value();

    /**
     * For records whose very existence is kept from those without need to know (clues): the code of the
     * 404 such callers get instead of 403, the same answer as for a record that does not exist.
     */
    String notFoundCode() default "";

    /** The message of that 404. */
    String notFoundMessage() default "";
}
