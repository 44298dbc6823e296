package org.jiandu.clue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.OrgUnit;

@Mapper
interface ClueMapper {

    void insert(NewClue row);

    int setProcessInstance(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

    Optional<Clue> find(@Param("id") long id);

    /** The clues a viewer may see, by {@link Scope}: all of them, a handler's, or a receiving body's transferred ones. */
    List<Clue> list(@Param("scope") Scope scope, @Param("status") ClueStatus status, @Param("offset") int offset,
                    @Param("limit") int limit);

    long count(@Param("scope") Scope scope, @Param("status") ClueStatus status);

    List<CountRow> counts(@Param("scope") Scope scope);

    /** The numbers of the clues that come from a record, whatever its type: for the record's trace. */
    List<String> clueNosOfSource(String sourceNo);

    /** The id of the clue with this number, if there is one. */
    Long idOf(String clueNo);

    /** The number of the record a clue comes from, if any: for the clue's trace. */
    String sourceNoOf(String clueNo);

    List<Clue> findBySource(@Param("scope") Scope scope, @Param("sourceType") ClueSource sourceType,
                            @Param("sourceNo") String sourceNo);

    int updateProposal(@Param("id") long id, @Param("categoryCode") String categoryCode,
                       @Param("collectiveRequired") boolean collectiveRequired, @Param("facts") String facts,
                       @Param("personsInvolved") String personsInvolved, @Param("agencyOrgId") Long agencyOrgId,
                       @Param("now") LocalDateTime now);

    int updateStatus(@Param("id") long id, @Param("status") ClueStatus status, @Param("closedAt") LocalDateTime closedAt,
                     @Param("now") LocalDateTime now);

    int markApproved(@Param("id") long id, @Param("approvedBy") String approvedBy,
                     @Param("approvedAt") LocalDateTime approvedAt, @Param("letterNo") String letterNo,
                     @Param("transferDue") LocalDate transferDue);

    int markAcknowledged(@Param("id") long id, @Param("by") String by, @Param("at") LocalDateTime at,
                         @Param("outcomeDue") LocalDate outcomeDue);

    int recordOutcome(@Param("id") long id, @Param("kind") ClueOutcome kind, @Param("text") String text,
                      @Param("onPaper") boolean onPaper, @Param("by") String by, @Param("at") LocalDateTime at);

    void insertLinks(@Param("clueId") long clueId, @Param("links") List<ClueLink> links);

    int deleteLinks(@Param("clueId") long clueId);

    List<ClueLink> linksOf(@Param("clueId") long clueId);

    void insertStep(@Param("clueId") long clueId, @Param("step") String step, @Param("decision") String decision,
                    @Param("opinion") String opinion, @Param("actor") String actor, @Param("at") LocalDateTime at);

    List<ClueStepView> stepsOf(@Param("clueId") long clueId);

    /** Enabled organisations of a kind directly under an organisation (e.g. the commission of a city government). */
    List<OrgUnit> orgsOfKindUnder(@Param("parentId") long parentId, @Param("kind") OrgKind kind);

    /** Per agency concerned: clues proposed, transferred (by target), outcomes and overdue outcomes, in a period. */
    List<AgencyFigures> figuresByAgency(@Param("scope") Scope scope, @Param("agencyIds") List<Long> agencyIds,
                                        @Param("from") LocalDateTime from, @Param("until") LocalDateTime until,
                                        @Param("lastDay") LocalDate lastDay);

    /** Clues transferred in a period, by category and outcome. */
    List<CountRow> transfersByCategory(@Param("scope") Scope scope, @Param("agencyIds") List<Long> agencyIds,
                                       @Param("from") LocalDateTime from, @Param("until") LocalDateTime until);

    Optional<ClueCategory> findCategory(@Param("code") String code);

    List<ClueCategory> categories(@Param("enabledOnly") boolean enabledOnly);

    void insertCategory(@Param("category") ClueCategory category, @Param("by") String by,
                        @Param("now") LocalDateTime now);

    int updateCategory(@Param("category") ClueCategory category, @Param("by") String by,
                       @Param("now") LocalDateTime now);

    /** Whose clues a viewer sees: {@code all}, or those of one handler, or those transferred to one organisation. */
    record Scope(boolean all, String handler, Long receiverOrgId) {

        static Scope everything() {
            return new Scope(true, null, null);
        }

        static Scope handledBy(String userId) {
            return new Scope(false, userId, null);
        }

        static Scope receivedBy(long orgId) {
            return new Scope(false, null, orgId);
        }
    }

    /** A record a clue rests on. */
    record ClueLink(ClueSource recordType, String recordNo) {
    }

    record CountRow(ClueStatus status, String categoryCode, ClueOutcome outcomeKind, long n) {
    }

    record AgencyFigures(long agencyOrgId, long proposed, long transferred, long toCommission, long toJudicial,
                         long outcomes, long overdue) {
    }

    /** A mutable row for the insert that needs the generated id back. */
    final class NewClue {
        public Long id;
        public String clueNo;
        public ClueStatus status;
        public ClueTarget targetKind;
        public long targetOrgId;
        public long issuerOrgId;
        public String categoryCode;
        public boolean collectiveRequired;
        public String facts;
        public String personsInvolved;
        public Long agencyOrgId;
        public ClueSource sourceType;
        public String sourceNo;
        public String handler;
        public LocalDateTime proposedAt;
    }
}
