package org.camrin.workforce.forecast;

import java.time.YearMonth;

/** The share of an initiative's planned WTE effect that lands on one staff group in one month. */
record PlannedEffect(String initiativeId, String title, String staffGroup, YearMonth landsIn, double wte) {
}
