package org.jiandu.identity;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface AppUserMapper {

    Optional<AppUser> find(String userId);

    List<UserRow> list(@Param("orgCode") String orgCode, @Param("offset") int offset, @Param("limit") int limit);

    long count(@Param("orgCode") String orgCode);

    void insert(@Param("user") AppUser user, @Param("now") LocalDateTime now);

    int updateOrg(@Param("userId") String userId, @Param("orgId") long orgId, @Param("now") LocalDateTime now);

    int updateEnabled(@Param("userId") String userId, @Param("enabled") boolean enabled,
                      @Param("now") LocalDateTime now);

    int updateName(@Param("userId") String userId, @Param("displayName") String displayName,
                   @Param("now") LocalDateTime now);

    /** Role memberships of a batch of users, in one query. */
    List<Membership> roleMemberships(@Param("userIds") List<String> userIds, @Param("groupType") String groupType);

    record Membership(String userId, String groupId) {
    }

    /** A user with the code and name of their organisation, for lists. */
    record UserRow(String userId, String displayName, String orgCode, String orgName, boolean enabled) {
    }
}
