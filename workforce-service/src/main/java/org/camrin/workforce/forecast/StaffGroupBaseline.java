package org.camrin.workforce.forecast;

/**
 * Starting point of a projection for one staff group: positions as at the base month and the
 * flows of the 12 months up to it.
 *
 * @param averageHeadcount12Months average staff in post headcount over the months with a return in the window
 */
record StaffGroupBaseline(double establishmentWte, double staffInPostWte, int staffInPostHeadcount,
        int joiners12Months, int leavers12Months, double averageHeadcount12Months) {
}
