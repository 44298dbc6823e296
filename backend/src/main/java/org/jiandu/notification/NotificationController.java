package org.jiandu.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jiandu.identity.AnyUser;
import org.jiandu.identity.CurrentUser;
import org.jiandu.web.ApiException;
import org.jiandu.web.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** My messages: list, unread count, mark read. */
@RestController
@RequestMapping("/api/notifications")
@AnyUser
class NotificationController {

    private final NotificationMapper mapper;
    private final Clock clock;

    NotificationController(NotificationMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @GetMapping
    @Transactional(readOnly = true)
    Page<Notification> list(@AuthenticationPrincipal CurrentUser user,
                            @RequestParam(defaultValue = "false") boolean unread,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return new Page<>(mapper.findForRecipient(user.userId(), unread, Page.offset(page, size), size),
                mapper.countForRecipient(user.userId(), unread), page, size);
    }

    @GetMapping("/unread-count")
    @Transactional(readOnly = true)
    Map<String, Long> unreadCount(@AuthenticationPrincipal CurrentUser user) {
        return Map.of("unread", mapper.countForRecipient(user.userId(), true));
    }

    @PostMapping("/{id}/read")
    @Transactional
    Map<String, Long> markRead(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        if (mapper.markRead(id, user.userId(), LocalDateTime.now(clock).withNano(0)) == 0
                && mapper.countOwned(id, user.userId()) == 0) {
            throw ApiException.notFound("NOTIFICATION_NOT_FOUND", "消息不存在。");
        }
        return Map.of("unread", mapper.countForRecipient(user.userId(), true));
    }

    @PostMapping("/read-all")
    @Transactional
    Map<String, Long> markAllRead(@AuthenticationPrincipal CurrentUser user) {
        mapper.markAllRead(user.userId(), LocalDateTime.now(clock).withNano(0));
        return Map.of("unread", 0L);
    }
}
