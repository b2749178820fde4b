package fob.web.ui;

import fob.text.Text;
import fob.web.js.Languages;

/** Dates and times on the page, written as people of the page's language write them. */
final class DateTimes {
    private DateTimes() {
    }

    static String of(double epochMillis) {
        return Languages.dateTime(epochMillis, Text.language().tag());
    }
}
