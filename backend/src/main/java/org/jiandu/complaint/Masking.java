package org.jiandu.complaint;

/**
 * 举报人保护: how a complainant's identity looks to staff who do not handle the complaint. The name keeps
 * its first character (张*), the phone its first three and last four digits (138****1234).
 */
final class Masking {

    private Masking() {
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String text = name.strip();
        int first = text.offsetByCodePoints(0, 1);
        return text.substring(0, first) + "*".repeat(Math.max(1, text.codePointCount(first, text.length())));
    }

    static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.replaceAll("\\s", "");
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    static String address(String address) {
        return address == null || address.isBlank() ? address : "（已隐去）";
    }
}
