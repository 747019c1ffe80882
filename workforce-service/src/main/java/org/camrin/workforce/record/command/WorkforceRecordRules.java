package org.camrin.workforce.record.command;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.NavigableMap;

import org.camrin.support.web.InvalidInputException;
import org.camrin.support.web.RuleViolationException;
import org.camrin.workforce.record.api.Leavers;
import org.camrin.workforce.record.api.MonthlyFigures;

/**
 * The rules a monthly workforce return must meet. The aggregate applies them before storing a
 * return, and the file import applies the same rules to every row before it sends anything.
 */
public final class WorkforceRecordRules {

    /** Returns start with the network's shared systems; earlier months are typing errors. */
    static final YearMonth EARLIEST_MONTH = YearMonth.of(2012, 1);
    static final ZoneId NHS_ZONE = ZoneId.of("Europe/London");
    static final double MAX_WTE = 10_000;
    static final int MAX_TEXT_LENGTH = 2000;

    private WorkforceRecordRules() {
    }

    /** A whole-time-equivalent figure below zero. */
    public static final class NegativeWteException extends InvalidInputException {
        NegativeWteException(String field, double value) {
            super(field, "Must be zero or more WTE, but is " + value + ".");
        }
    }

    /** A month outside the span returns may cover, or a date before the one it must follow. */
    public static final class DatesOutOfOrderException extends InvalidInputException {
        public DatesOutOfOrderException(String field, String message) {
            super(field, message);
        }
    }

    /** More leavers in a month than there were staff to leave. */
    public static final class LeaversExceedStaffInPostException extends RuleViolationException {
        LeaversExceedStaffInPostException(YearMonth month, int leavers, int available, YearMonth previous) {
            super("The return for " + month + " has " + leavers + " leavers, but only " + available
                    + " staff could leave: " + previous + " ended with that staff in post headcount including "
                    + month + "'s joiners. Check the leavers of " + month + " or correct the return for "
                    + previous + ".");
        }
    }

    /** A month that already has a return; changing it needs a correction. */
    public static final class ReturnAlreadyRecordedException extends RuleViolationException {
        ReturnAlreadyRecordedException(YearMonth month) {
            super("A return for " + month + " is already recorded. Send a correction for " + month
                    + " with a reason instead.");
        }
    }

    /** A correction of a month that has no return to correct. */
    public static final class NoReturnToCorrectException extends RuleViolationException {
        NoReturnToCorrectException(YearMonth month) {
            super("No return for " + month + " is recorded, so there is nothing to correct. Record the return first.");
        }
    }

    /** The current month in the NHS's time zone; no return may cover a later month. */
    public static YearMonth currentMonth(Clock clock) {
        return YearMonth.now(clock.withZone(NHS_ZONE));
    }

    /**
     * Checks one month's figures on their own and returns them with vacancies filled in.
     *
     * @throws InvalidInputException naming the first field that is wrong
     */
    public static MonthlyFigures checkFigures(YearMonth month, MonthlyFigures figures, YearMonth currentMonth) {
        if (month == null) {
            throw new InvalidInputException("month", "Send the month of the return as YYYY-MM.");
        }
        if (month.isBefore(EARLIEST_MONTH)) {
            throw new DatesOutOfOrderException("month", "Month " + month + " is before " + EARLIEST_MONTH
                    + ", the earliest month a return may cover.");
        }
        if (month.isAfter(currentMonth)) {
            throw new DatesOutOfOrderException("month", "Month " + month + " has not started yet: a return covers "
                    + currentMonth + " or an earlier month.");
        }
        if (figures == null) {
            throw new InvalidInputException("figures", "Send the figures of the return.");
        }
        requireWte("establishmentWte", figures.establishmentWte());
        requireWte("staffInPostWte", figures.staffInPostWte());
        requireCount("staffInPostHeadcount", figures.staffInPostHeadcount());
        if (figures.vacancyWte() != null) {
            requireWte("vacancyWte", figures.vacancyWte());
        }
        requireWte("bankWte", figures.bankWte());
        requireWte("agencyWte", figures.agencyWte());
        requireCount("joiners", figures.joiners());
        Leavers leavers = figures.leavers();
        requireCount("leavers.retirement", leavers.retirement());
        requireCount("leavers.anotherNhsTrust", leavers.anotherNhsTrust());
        requireCount("leavers.outsideNhs", leavers.outsideNhs());
        requireCount("leavers.other", leavers.other());
        requireCount("trainees", figures.trainees());
        if (figures.staffInPostWte() > 0 && figures.staffInPostHeadcount() == 0) {
            throw new InvalidInputException("staffInPostHeadcount", "Staff in post of " + figures.staffInPostWte()
                    + " WTE needs a headcount of at least 1.");
        }

        MonthlyFigures complete = figures.withDerivedVacancies();
        if (complete.vacancies() > complete.establishmentWte()) {
            throw new InvalidInputException("vacancyWte", "Vacancies of " + complete.vacancies()
                    + " WTE exceed the funded establishment of " + complete.establishmentWte()
                    + " WTE. Vacancies are unfilled funded posts, so send at most the establishment.");
        }
        return complete;
    }

    /**
     * Checks that no month has more leavers than the staff who could leave: the previous month's
     * staff in post headcount plus the month's joiners. A month whose previous month has no return
     * cannot be checked, because its opening headcount is unknown.
     *
     * @param returns the record's returns with the new or corrected month already in place
     * @param month   the month that changed; it and the month after it are checked
     */
    public static void checkLeavers(NavigableMap<YearMonth, MonthlyFigures> returns, YearMonth month) {
        checkLeaversOf(returns, month);
        checkLeaversOf(returns, month.plusMonths(1));
    }

    /** Checks the leavers of one month only, against the month before it. */
    public static void checkLeaversOf(NavigableMap<YearMonth, MonthlyFigures> returns, YearMonth month) {
        MonthlyFigures current = returns.get(month);
        MonthlyFigures previous = returns.get(month.minusMonths(1));
        if (current == null || previous == null) {
            return;
        }
        int available = previous.staffInPostHeadcount() + current.joiners();
        if (current.leavers().total() > available) {
            throw new LeaversExceedStaffInPostException(month, current.leavers().total(), available,
                    month.minusMonths(1));
        }
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Send the reason for the correction, for example "
                    + "'Establishment restated after budget setting'.");
        }
        String trimmed = reason.strip();
        if (trimmed.length() > MAX_TEXT_LENGTH) {
            throw new InvalidInputException("reason", "Must be at most " + MAX_TEXT_LENGTH + " characters, but has "
                    + trimmed.length() + ".");
        }
        return trimmed;
    }

    private static void requireWte(String field, double value) {
        if (Double.isNaN(value) || value < 0) {
            throw new NegativeWteException(field, value);
        }
        if (value > MAX_WTE) {
            throw new InvalidInputException(field, "Must be at most " + (int) MAX_WTE + " WTE, but is " + value + ".");
        }
    }

    private static void requireCount(String field, int value) {
        if (value < 0) {
            throw new InvalidInputException(field, "Must be a count of zero or more, but is " + value + ".");
        }
    }
}
