package org.jiandu.document;

/** The kinds of documents; their names and number patterns are in table {@code document_type}. */
public enum DocType {
    /** 行政执法监督建议书. */
    SUGGESTION_LETTER,
    /** 行政执法监督意见书. */
    OPINION_LETTER,
    /** 行政执法监督纠正决定书. */
    CORRECTIVE_DECISION,
    /** 催办通知. */
    REMINDER_NOTICE,
    /** 通报. */
    PUBLIC_NOTICE,
    /** 问题线索移送函. */
    TRANSFER_LETTER,
    /** 移送材料清单. */
    TRANSFER_MATERIALS,
    /** 投诉举报答复意见书. */
    COMPLAINT_REPLY,
    /** 证据材料 (uploaded). */
    EVIDENCE,
    /** 附件 (uploaded). */
    ATTACHMENT,
    /** 全过程记录导出. */
    RECORD_EXPORT
}
