package org.camrin.data.organisation;

import java.time.YearMonth;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Organisation changes that the figures follow, from {@code camrin.data.organisations}.
 *
 * @param mergers each predecessor ODS code with the trust that took it over and the first month
 *                the successor reported for both; dates are configuration because the merger
 *                months are not confirmed
 */
@ConfigurationProperties("camrin.data.organisations")
public record OrganisationProperties(List<Merger> mergers) {

    public OrganisationProperties {
        mergers = mergers == null ? List.of() : List.copyOf(mergers);
    }

    /**
     * @param predecessor   ODS code of the organisation that stopped reporting on its own
     * @param successor     ODS code of the network trust that took it over
     * @param effectiveFrom first month the predecessor's figures count towards the successor
     */
    public record Merger(String predecessor, String successor, YearMonth effectiveFrom) {
    }
}
