package org.jiandu.notification;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface NotificationMapper {

    void insertAll(@Param("rows") List<Notification> rows);

    List<Notification> findForRecipient(@Param("recipient") String recipient, @Param("unreadOnly") boolean unreadOnly,
                                        @Param("offset") int offset, @Param("limit") int limit);

    long countForRecipient(@Param("recipient") String recipient, @Param("unreadOnly") boolean unreadOnly);

    int markRead(@Param("id") long id, @Param("recipient") String recipient, @Param("at") LocalDateTime at);

    int markAllRead(@Param("recipient") String recipient, @Param("at") LocalDateTime at);

    @org.apache.ibatis.annotations.Select("SELECT COUNT(*) FROM notification WHERE id = #{id} AND recipient = #{recipient}")
    int countOwned(@Param("id") long id, @Param("recipient") String recipient);

    List<Member> membersOfGroups(@Param("groupIds") java.util.Collection<String> groupIds);

    record Member(String groupId, String userId) {
    }

    /** The e-mail addresses of a batch of users (Camunda's user profile), in one query. */
    List<Address> emailsOf(@Param("userIds") java.util.Collection<String> userIds);

    record Address(String userId, String email) {
    }
}
