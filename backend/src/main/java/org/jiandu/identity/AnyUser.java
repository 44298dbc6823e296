package org.jiandu.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every logged-in user may use the endpoint (my profile, my tasks, my notifications, the calendar); what
 * each one sees of a record is the service's rule. The explicit counterpart of {@link Roles}, so that no
 * endpoint is open to everyone by omission. Published in the OpenAPI description as {@code x-roles: ["*"]}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AnyUser {
}
