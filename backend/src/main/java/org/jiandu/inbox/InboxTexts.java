package org.jiandu.inbox;

/** The few texts the inbox composes for people. */
final class InboxTexts {

    private InboxTexts() {
    }

    /** The title of a task row: the process's name and the business number. */
    static String title(String processName, String businessKey) {
        String name = processName == null ? "流程" : processName;
        return businessKey == null ? name : name + " " + businessKey;
    }

    static String describe(String processName, String businessKey, String stepName) {
        return title(processName, businessKey) + "：" + stepName;
    }
}
