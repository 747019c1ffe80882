package org.camrin.pathway.compliance;

import java.time.Duration;
import java.util.List;

/**
 * Compliance of one trust, or of the whole network, with one pathway version.
 *
 * @param trust         ODS code, or {@code NETWORK} for the sum over all trusts
 * @param openBreaches  breached steps not yet completed on pathways still open
 */
public record ComplianceReport(String trust, String pathwayCode, int pathwayVersion, List<StepCompliance> steps,
        int openBreaches) {

    /**
     * Figures for one step. Percentiles use the nearest-rank method on elapsed times, where
     * elapsed is the time from the step's anchor to its completion, net of pauses.
     *
     * @param measured          steps completed with a known target
     * @param withinTarget      of those, completed by their due time
     * @param shareWithinTarget withinTarget divided by measured, from 0 to 1; null when none are measured
     */
    public record StepCompliance(String stepKey, String name, Duration target, int measured, int withinTarget,
            Double shareWithinTarget, Duration medianElapsed, Duration percentile90Elapsed, int openBreaches) {
    }
}
