package org.camrin.workforce.record.web;

import java.time.YearMonth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.camrin.workforce.record.api.Leavers;
import org.camrin.workforce.record.api.MonthlyFigures;

/** Request bodies of the workforce record API. Ranges are checked by the aggregate, which names the field. */
final class WorkforceRequests {

    private WorkforceRequests() {
    }

    /** Leavers of the month by reason; a missing reason counts as zero. */
    record LeaversRequest(Integer retirement, Integer anotherNhsTrust, Integer outsideNhs, Integer other) {

        Leavers toLeavers() {
            return new Leavers(zero(retirement), zero(anotherNhsTrust), zero(outsideNhs), zero(other));
        }
    }

    record MonthlyReturnRequest(
            @NotNull(message = "Send the month of the return as YYYY-MM.") YearMonth month,
            @NotNull(message = "Send the funded establishment in WTE, for example 42.5.") Double establishmentWte,
            @NotNull(message = "Send the staff in post in WTE, for example 38.2.") Double staffInPostWte,
            @NotNull(message = "Send the staff in post headcount, for example 41.") Integer staffInPostHeadcount,
            Double vacancyWte, Double bankWte, Double agencyWte, Integer joiners, @Valid LeaversRequest leavers,
            Integer trainees) {

        MonthlyFigures toFigures() {
            return figures(establishmentWte, staffInPostWte, staffInPostHeadcount, vacancyWte, bankWte, agencyWte,
                    joiners, leavers, trainees);
        }
    }

    record CorrectionRequest(
            @NotNull(message = "Send the corrected funded establishment in WTE.") Double establishmentWte,
            @NotNull(message = "Send the corrected staff in post in WTE.") Double staffInPostWte,
            @NotNull(message = "Send the corrected staff in post headcount.") Integer staffInPostHeadcount,
            Double vacancyWte, Double bankWte, Double agencyWte, Integer joiners, @Valid LeaversRequest leavers,
            Integer trainees,
            @NotBlank(message = "Send the reason for the correction.") @Size(max = 2000, message = "Must be at most 2000 characters.") String reason) {

        MonthlyFigures toFigures() {
            return figures(establishmentWte, staffInPostWte, staffInPostHeadcount, vacancyWte, bankWte, agencyWte,
                    joiners, leavers, trainees);
        }
    }

    private static MonthlyFigures figures(Double establishmentWte, Double staffInPostWte, Integer headcount,
            Double vacancyWte, Double bankWte, Double agencyWte, Integer joiners, LeaversRequest leavers,
            Integer trainees) {
        return new MonthlyFigures(establishmentWte, staffInPostWte, headcount, vacancyWte, zero(bankWte),
                zero(agencyWte), zero(joiners), leavers == null ? Leavers.NONE : leavers.toLeavers(), zero(trainees));
    }

    private static int zero(Integer value) {
        return value == null ? 0 : value;
    }

    private static double zero(Double value) {
        return value == null ? 0 : value;
    }
}
