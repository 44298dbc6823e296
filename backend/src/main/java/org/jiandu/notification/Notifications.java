package org.jiandu.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells people about something, in the caller's transaction: the message exists exactly when the action does.
 * With an SMTP server configured, the message also goes out by e-mail once the action has committed.
 */
@Service
public class Notifications {

    private final NotificationMapper mapper;
    private final MailNotifier mail;
    private final Clock clock;

    Notifications(NotificationMapper mapper, MailNotifier mail, Clock clock) {
        this.mapper = mapper;
        this.mail = mail;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void notifyUsers(Collection<String> userIds, NotificationKind kind, String title, String body,
                            String recordType, String recordNo) {
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        List<Notification> rows = new LinkedHashSet<>(userIds).stream()
                .filter(id -> id != null && !id.isBlank())
                .map(id -> new Notification(0, id, kind, truncate(title, 200), truncate(body, 1000), recordType,
                        recordNo, now, null))
                .toList();
        if (!rows.isEmpty()) {
            mapper.insertAll(rows);
            mail.send(rows);
        }
    }

    /** Tells every enabled member of a Camunda group: a role such as {@code lead} or an organisation {@code org-SCJ}. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void notifyGroup(String groupId, NotificationKind kind, String title, String body, String recordType,
                            String recordNo) {
        notifyUsers(membersOfGroup(groupId), kind, title, body, recordType, recordNo);
    }

    public List<String> membersOfGroup(String groupId) {
        return membersOfGroups(List.of(groupId)).getOrDefault(groupId, List.of());
    }

    /** The enabled members of each of the groups, in one query; a group without any is left out. */
    public Map<String, List<String>> membersOfGroups(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> members = new HashMap<>();
        for (NotificationMapper.Member member : mapper.membersOfGroups(groupIds)) {
            members.computeIfAbsent(member.groupId(), group -> new ArrayList<>()).add(member.userId());
        }
        return members;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
