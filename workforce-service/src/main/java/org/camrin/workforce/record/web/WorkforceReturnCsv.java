package org.camrin.workforce.record.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.camrin.support.web.InvalidInputException;
import org.camrin.support.web.RuleViolationException;
import org.camrin.workforce.record.api.Leavers;
import org.camrin.workforce.record.api.MonthlyFigures;
import org.camrin.workforce.record.api.StaffGroup;
import org.camrin.workforce.record.command.WorkforceRecordRules;

/**
 * Reads and checks a workforce return file: one row per trust, staff group and month. Every row
 * is checked before anything is stored, with the same rules the records apply, so a file is
 * either stored whole or not at all.
 */
final class WorkforceReturnCsv {

    /** The template's columns in order; optional ones may be left empty. */
    static final List<String> COLUMNS = List.of("trust", "staff_group", "month", "establishment_wte",
            "staff_in_post_wte", "staff_in_post_headcount", "vacancy_wte", "bank_wte", "agency_wte", "joiners",
            "leavers_retirement", "leavers_another_nhs_trust", "leavers_outside_nhs", "leavers_other", "trainees");

    static final int MAX_ROWS = 5000;

    /** Figure fields as the records name them, mapped to the file's column names for the report. */
    private static final Map<String, String> FIELD_COLUMNS = Map.ofEntries(
            Map.entry("month", "month"),
            Map.entry("establishmentWte", "establishment_wte"),
            Map.entry("staffInPostWte", "staff_in_post_wte"),
            Map.entry("staffInPostHeadcount", "staff_in_post_headcount"),
            Map.entry("vacancyWte", "vacancy_wte"),
            Map.entry("bankWte", "bank_wte"),
            Map.entry("agencyWte", "agency_wte"),
            Map.entry("joiners", "joiners"),
            Map.entry("leavers.retirement", "leavers_retirement"),
            Map.entry("leavers.anotherNhsTrust", "leavers_another_nhs_trust"),
            Map.entry("leavers.outsideNhs", "leavers_outside_nhs"),
            Map.entry("leavers.other", "leavers_other"),
            Map.entry("trainees", "trainees"));

    private WorkforceReturnCsv() {
    }

    /** One rejected row: its line in the file (the header is line 1), the column and the reason. */
    record RowError(int line, String field, String detail) {
    }

    /** A row that passed its checks. */
    record ReturnRow(int line, StaffGroup staffGroup, YearMonth month, MonthlyFigures figures) {
    }

    /** The rows of a file when every row is valid, or the errors found when any is not. */
    record Result(List<ReturnRow> rows, List<RowError> errors) {

        boolean accepted() {
            return errors.isEmpty();
        }
    }

    /**
     * Parses and checks a file for one trust.
     *
     * @param stored the trust's stored returns by staff group, to check leavers against the month before
     */
    static Result check(String content, String trust, YearMonth currentMonth,
            Map<StaffGroup, NavigableMap<YearMonth, MonthlyFigures>> stored) {
        List<RowError> errors = new ArrayList<>();
        List<String> lines = content == null ? List.of() : content.lines().toList();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            errors.add(new RowError(1, "header", "The file is empty. Send a header line with the columns "
                    + String.join(",", COLUMNS) + " and one row per trust, staff group and month."));
            return new Result(List.of(), errors);
        }
        Map<String, Integer> header = readHeader(lines.get(0).replace("\uFEFF", ""), errors);
        if (!errors.isEmpty()) {
            return new Result(List.of(), errors);
        }

        List<ReturnRow> rows = new ArrayList<>();
        Map<String, Integer> firstLineOfKey = new HashMap<>();
        for (int index = 1; index < lines.size(); index++) {
            int line = index + 1;
            if (lines.get(index).isBlank()) {
                continue;
            }
            if (rows.size() + errors.size() >= MAX_ROWS) {
                errors.add(new RowError(line, "file", "The file has more than " + MAX_ROWS
                        + " rows. Split it into smaller files."));
                break;
            }
            ReturnRow row = readRow(line, split(lines.get(index)), header, trust, currentMonth, errors);
            if (row == null) {
                continue;
            }
            String key = row.staffGroup().id() + "|" + row.month();
            Integer earlier = firstLineOfKey.putIfAbsent(key, line);
            if (earlier != null) {
                errors.add(new RowError(line, "month", "Line " + earlier + " already has " + row.staffGroup().id()
                        + " for " + row.month() + ". Keep one row per trust, staff group and month."));
                continue;
            }
            rows.add(row);
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(2, "file", "The file has a header but no rows."));
        }
        checkLeavers(rows, stored, errors);
        errors.sort((left, right) -> Integer.compare(left.line(), right.line()));
        return new Result(errors.isEmpty() ? rows : List.of(), errors);
    }

    /** Returns the template: the header and one example row. */
    static String template() {
        return String.join(",", COLUMNS) + "\n"
                + "RBL,diagnostic-radiographers,2026-03,52.0,46.4,49,,1.0,0.6,3,0,0,1,0,4\n";
    }

    private static Map<String, Integer> readHeader(String line, List<RowError> errors) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<String> names = split(line);
        for (int column = 0; column < names.size(); column++) {
            String name = names.get(column).toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                errors.add(new RowError(1, name, "Unknown column '" + name + "'. The template's columns are "
                        + String.join(",", COLUMNS) + "."));
            } else if (positions.putIfAbsent(name, column) != null) {
                errors.add(new RowError(1, name, "Column '" + name + "' appears twice. Keep one."));
            }
        }
        for (String required : COLUMNS) {
            if (!positions.containsKey(required)) {
                errors.add(new RowError(1, required, "Column '" + required + "' is missing. The template's columns are "
                        + String.join(",", COLUMNS) + "."));
            }
        }
        return positions;
    }

    private static ReturnRow readRow(int line, List<String> cells, Map<String, Integer> header, String trust,
            YearMonth currentMonth, List<RowError> errors) {
        Function<String, String> cell = column -> {
            int position = header.get(column);
            return position < cells.size() ? cells.get(position) : "";
        };
        int before = errors.size();

        String rowTrust = cell.apply("trust").toUpperCase(Locale.ROOT);
        if (!rowTrust.equals(trust)) {
            errors.add(new RowError(line, "trust", "'" + cell.apply("trust") + "' is not " + trust
                    + ". A file carries the returns of the trust it is sent for; send other trusts' rows in their own files."));
        }
        StaffGroup group = StaffGroup.fromId(cell.apply("staff_group")).orElse(null);
        if (group == null) {
            errors.add(new RowError(line, "staff_group", "'" + cell.apply("staff_group")
                    + "' is not a staff group. Use one of " + StaffGroup.ids() + "."));
        }
        YearMonth month = null;
        try {
            month = YearMonth.parse(cell.apply("month"));
        } catch (DateTimeParseException invalid) {
            errors.add(new RowError(line, "month", "'" + cell.apply("month") + "' is not a month: write it as YYYY-MM."));
        }
        Double establishment = decimal(line, "establishment_wte", cell.apply("establishment_wte"), true, errors);
        Double staffInPost = decimal(line, "staff_in_post_wte", cell.apply("staff_in_post_wte"), true, errors);
        Integer headcount = count(line, "staff_in_post_headcount", cell.apply("staff_in_post_headcount"), true, errors);
        Double vacancies = decimal(line, "vacancy_wte", cell.apply("vacancy_wte"), false, errors);
        Double bank = decimal(line, "bank_wte", cell.apply("bank_wte"), false, errors);
        Double agency = decimal(line, "agency_wte", cell.apply("agency_wte"), false, errors);
        Integer joiners = count(line, "joiners", cell.apply("joiners"), false, errors);
        Integer retirement = count(line, "leavers_retirement", cell.apply("leavers_retirement"), false, errors);
        Integer anotherTrust = count(line, "leavers_another_nhs_trust", cell.apply("leavers_another_nhs_trust"), false, errors);
        Integer outside = count(line, "leavers_outside_nhs", cell.apply("leavers_outside_nhs"), false, errors);
        Integer other = count(line, "leavers_other", cell.apply("leavers_other"), false, errors);
        Integer trainees = count(line, "trainees", cell.apply("trainees"), false, errors);
        if (errors.size() > before) {
            return null;
        }

        MonthlyFigures figures = new MonthlyFigures(establishment, staffInPost, headcount, vacancies,
                zero(bank), zero(agency), zero(joiners),
                new Leavers(zero(retirement), zero(anotherTrust), zero(outside), zero(other)), zero(trainees));
        try {
            figures = WorkforceRecordRules.checkFigures(month, figures, currentMonth);
        } catch (InvalidInputException invalid) {
            errors.add(new RowError(line, FIELD_COLUMNS.getOrDefault(invalid.field(), invalid.field()),
                    invalid.getMessage()));
            return null;
        }
        return new ReturnRow(line, group, month, figures);
    }

    /** Applies the leavers rule to each row in month order, over the stored returns and the file's rows. */
    private static void checkLeavers(List<ReturnRow> rows, Map<StaffGroup, NavigableMap<YearMonth, MonthlyFigures>> stored,
            List<RowError> errors) {
        Map<StaffGroup, NavigableMap<YearMonth, MonthlyFigures>> planned = new HashMap<>();
        List<ReturnRow> ordered = new ArrayList<>(rows);
        ordered.sort((left, right) -> left.month().compareTo(right.month()));
        for (ReturnRow row : ordered) {
            NavigableMap<YearMonth, MonthlyFigures> returns = planned.computeIfAbsent(row.staffGroup(),
                    group -> new TreeMap<>(stored.getOrDefault(group, new TreeMap<>())));
            returns.put(row.month(), row.figures());
        }
        Map<String, ReturnRow> fileRows = new HashMap<>();
        ordered.forEach(row -> fileRows.put(row.staffGroup().id() + "|" + row.month(), row));
        for (ReturnRow row : ordered) {
            NavigableMap<YearMonth, MonthlyFigures> returns = planned.get(row.staffGroup());
            try {
                WorkforceRecordRules.checkLeaversOf(returns, row.month());
                // A stored month after a changed one is checked here too; a month in the file is
                // checked on its own line.
                if (!fileRows.containsKey(row.staffGroup().id() + "|" + row.month().plusMonths(1))) {
                    WorkforceRecordRules.checkLeaversOf(returns, row.month().plusMonths(1));
                }
            } catch (RuleViolationException violation) {
                errors.add(new RowError(row.line(), "leavers", violation.getMessage()));
            }
        }
    }

    private static Double decimal(int line, String column, String value, boolean required, List<RowError> errors) {
        if (value.isEmpty()) {
            if (required) {
                errors.add(new RowError(line, column, "Missing: send a number of WTE, for example 12.5."));
            }
            return null;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException invalid) {
            errors.add(new RowError(line, column, "'" + value + "' is not a number: write WTE with a decimal point, "
                    + "for example 12.5."));
            return null;
        }
    }

    private static Integer count(int line, String column, String value, boolean required, List<RowError> errors) {
        if (value.isEmpty()) {
            if (required) {
                errors.add(new RowError(line, column, "Missing: send a whole number, for example 14."));
            }
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException invalid) {
            errors.add(new RowError(line, column, "'" + value + "' is not a whole number: send a count, for example 14."));
            return null;
        }
    }

    /** Splits a line at commas, trimming each cell and the double quotes a spreadsheet may add. */
    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            String trimmed = cell.strip();
            if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
                trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
            }
            cells.add(trimmed);
        }
        return cells;
    }

    private static int zero(Integer value) {
        return value == null ? 0 : value;
    }

    private static double zero(Double value) {
        return value == null ? 0 : value;
    }
}
