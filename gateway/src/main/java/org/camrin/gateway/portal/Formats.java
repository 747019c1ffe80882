package org.camrin.gateway.portal;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Number, share and date formats for the pages, in British English and UK time. */
@Component("fmt")
class Formats {

    private static final Locale UK = Locale.UK;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", UK);

    public String number(Object value) {
        if (!(value instanceof Number number)) {
            return "no data";
        }
        NumberFormat format = NumberFormat.getNumberInstance(UK);
        format.setMaximumFractionDigits(1);
        return format.format(number.doubleValue());
    }

    /** A fraction from 0 to 1 as a percentage, such as 0.0123 as 1.2%. */
    public String share(Object fraction) {
        if (!(fraction instanceof Number number)) {
            return "no data";
        }
        return String.format(UK, "%.1f%%", number.doubleValue() * 100);
    }

    /** A value that already is a percentage, such as 7.5 as 7.5%. */
    public String percent(Object value) {
        if (!(value instanceof Number number)) {
            return "no data";
        }
        return String.format(UK, "%.1f%%", number.doubleValue());
    }

    public String time(Object isoInstant) {
        if (isoInstant == null) {
            return "";
        }
        try {
            return DATE_TIME.format(Instant.parse(isoInstant.toString()).atZone(LONDON));
        } catch (RuntimeException notAnInstant) {
            return isoInstant.toString();
        }
    }

    public String month(Object yearMonth) {
        if (yearMonth == null) {
            return "";
        }
        try {
            return MONTH.format(YearMonth.parse(yearMonth.toString()));
        } catch (RuntimeException notAMonth) {
            return yearMonth.toString();
        }
    }

    public String trust(Object odsCode) {
        return odsCode == null ? "" : Trusts.name(odsCode.toString()) + " (" + odsCode + ")";
    }

    /** Words for an enum value or event type, such as IN_PROGRESS or ProjectRated: "In progress", "Project rated". */
    public String words(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString().replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ')
                .toLowerCase(UK);
        text = (" " + text + " ").replace(" rag ", " RAG ").trim();
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The NHS.UK tag colour modifier of a RAG rating; the tag always shows the rating's word too. */
    public String ragTag(Object rating) {
        if (rating == null) {
            return "nhsuk-tag--grey";
        }
        return switch (rating.toString()) {
            case "RED" -> "nhsuk-tag--red";
            case "AMBER" -> "nhsuk-tag--yellow";
            case "GREEN" -> "nhsuk-tag--green";
            default -> "nhsuk-tag--grey";
        };
    }
}
