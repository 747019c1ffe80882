package org.camrin.workforce.record.api;

/**
 * One month's workforce return for a trust and staff group. Establishment, staff in post,
 * vacancies and trainees are positions at the end of the month; bank and agency use, joiners and
 * leavers are what happened during the month. WTE is whole-time equivalent; joiners, leavers,
 * headcount and trainees count people.
 *
 * @param vacancyWte funded posts not filled by staff in post; in a command, null means
 *                   establishment minus staff in post (zero when staff in post exceeds it)
 */
public record MonthlyFigures(double establishmentWte, double staffInPostWte, int staffInPostHeadcount,
        Double vacancyWte, double bankWte, double agencyWte, int joiners, Leavers leavers, int trainees) {

    public MonthlyFigures {
        leavers = leavers == null ? Leavers.NONE : leavers;
    }

    /** These figures with the vacancies filled in from establishment and staff in post when missing. */
    public MonthlyFigures withDerivedVacancies() {
        if (vacancyWte != null) {
            return this;
        }
        double derived = Math.max(0, Math.round((establishmentWte - staffInPostWte) * 100) / 100.0);
        return new MonthlyFigures(establishmentWte, staffInPostWte, staffInPostHeadcount, derived, bankWte,
                agencyWte, joiners, leavers, trainees);
    }

    public double vacancies() {
        return vacancyWte == null ? 0 : vacancyWte;
    }
}
