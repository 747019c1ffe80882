package org.camrin.workforce.record.query;

import org.camrin.workforce.record.api.Leavers;

/**
 * Workforce figures as at one month, for one trust and staff group or summed over several.
 *
 * <p>Positions (establishment, staff in post, vacancies, trainees) and bank and agency use come
 * from the latest return at or before the month. Joiners and leavers of the month count only a
 * return for that very month. The 12-month figures cover the month and the 11 before it.
 *
 * @param vacancyRate              vacancies as a percentage of funded establishment; null without establishment
 * @param turnoverRate12Months     leavers of the 12 months as a percentage of the average staff in
 *                                 post headcount of the months in those 12 that have a return
 * @param bankAgencyShare          bank and agency WTE as a percentage of all WTE worked (staff in
 *                                 post plus bank plus agency); null when nothing was worked
 * @param recordsIncluded          trust and staff group records with a return at or before the month
 */
public record WorkforceFigures(double establishmentWte, double staffInPostWte, int staffInPostHeadcount,
        double vacancyWte, double bankWte, double agencyWte, int trainees,
        int joiners, Leavers leavers, int netFlow,
        int joiners12Months, Leavers leavers12Months, int netFlow12Months, double averageHeadcount12Months,
        Double vacancyRate, Double turnoverRate12Months, Double bankAgencyShare, int recordsIncluded) {
}
