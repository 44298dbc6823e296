package org.jiandu.identity;

import org.jiandu.audit.AuditActor;
import org.springframework.stereotype.Component;

/** Tells the audit log who acts: {@link Actor#current()}. */
@Component
class AuditActors implements AuditActor.Source {

    @Override
    public AuditActor current() {
        return Actor.current();
    }
}
