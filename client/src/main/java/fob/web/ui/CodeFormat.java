package fob.web.ui;

/** How a code is shown: split in two halves, so that it is easy to read and type. */
final class CodeFormat {
    private CodeFormat() {
    }

    static String grouped(String code) {
        if (code.length() < 6) {
            return code;
        }
        int half = (code.length() + 1) / 2;
        return code.substring(0, half) + " " + code.substring(half);
    }

    static String hidden(String code) {
        return grouped("•".repeat(code.length()));
    }
}
