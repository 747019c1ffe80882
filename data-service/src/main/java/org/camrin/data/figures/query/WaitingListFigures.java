package org.camrin.data.figures.query;

import java.util.List;

/**
 * Waiting-list figures of one trust, or of the network, for one month. Counts are null where the
 * imported files do not carry them; derived values are then null too.
 *
 * @param odsCode                 the trust's ODS code, or {@code NETWORK} for the 12 trusts together
 * @param includes                predecessor organisations whose figures are added in this month
 * @param trustsReporting         for the network: how many trusts have figures this month
 * @param share6PlusWeeks         waiting 6+ weeks as a fraction of the waiting list
 * @param standardShare           the share allowed to wait 6+ weeks in this month
 * @param meetsStandard           whether the 6+ week share is at or below the standard
 * @param share6PlusOverStandard  the 6+ week share minus the standard, as a fraction
 * @param estimatedDemand         activity plus the change in the waiting list since the month before
 * @param changeInWaitingList     this month's waiting list minus the month before
 * @param changeInWaitingListShare that change as a fraction of the month before's waiting list
 * @param tests                   the same figures per diagnostic test, where the data has tests
 */
public record WaitingListFigures(String odsCode, String name, String period, List<String> includes,
        Integer trustsReporting, Long totalWaitingList, Long waiting6PlusWeeks, Double share6PlusWeeks,
        Long waiting13PlusWeeks, Double share13PlusWeeks, double standardShare, Boolean meetsStandard,
        Double share6PlusOverStandard, Long activity, Long estimatedDemand, Long changeInWaitingList,
        Double changeInWaitingListShare, List<TestFigures> tests) {

    /** Figures of one diagnostic test, with the same meaning as the trust's own. */
    public record TestFigures(String test, Long totalWaitingList, Long waiting6PlusWeeks, Double share6PlusWeeks,
            Long waiting13PlusWeeks, Double share13PlusWeeks, Long activity, Long estimatedDemand,
            Long changeInWaitingList) {
    }

    public boolean hasFigures() {
        return totalWaitingList != null;
    }
}
