package org.jiandu.audit;

/**
 * Who performs an audited action, as its row records it. {@code identity.Actor} is the application's
 * (the logged-in user with roles, organisation and client address, or the system); identity supplies it
 * through {@link Source}, so that the audit log, which every package writes, depends on none of them.
 */
public interface AuditActor {

    String userId();

    /** The role group ids, comma-separated. */
    String roles();

    String orgCode();

    String clientAddress();

    /** The actor of the action in progress; one bean, provided by identity. */
    @FunctionalInterface
    interface Source {
        AuditActor current();
    }
}
