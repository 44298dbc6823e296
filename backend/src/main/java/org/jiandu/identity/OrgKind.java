package org.jiandu.identity;

/** What an organisation is in the supervision relationship. */
public enum OrgKind {
    /** 司法局 / 行政执法协调监督局: receives complaints, supervises agencies. */
    SUPERVISION_BODY,
    /** 科室: a department inside a body, e.g. 执法监督科. */
    DEPARTMENT,
    /** 行政执法部门: a supervised agency. */
    AGENCY,
    /** 纪委监委: receives clue transfers. */
    COMMISSION,
    /** 公安机关: receives transfers of suspected crimes (行刑衔接). */
    PUBLIC_SECURITY,
    /** 人民检察院. */
    PROCURATORATE,
    /** 人民政府: the government a level belongs to, root of a subtree. */
    GOVERNMENT
}
