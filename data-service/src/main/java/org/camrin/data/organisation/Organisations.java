package org.camrin.data.organisation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.camrin.data.organisation.OrganisationProperties.Merger;
import org.camrin.support.network.NetworkTrust;
import org.springframework.stereotype.Component;

/**
 * Maps reporting organisations (ODS codes) to the network's trusts, following mergers.
 *
 * <p>Two bases are offered. As reported: from a merger's effective month, the predecessor's
 * rows count towards its successor. Before that month, a predecessor that is itself a network
 * trust (RVY before it joined RBN) is reported as its own trust. A predecessor outside the
 * network (RQ6) counts towards its successor throughout, because it has no series of its own here. Current organisation: every
 * predecessor always counts towards its successor, so a trust's series compares like with like
 * across the merger. Either way each organisation-month counts towards exactly one trust, so the
 * network total never counts a patient twice.
 */
@Component
public class Organisations {

    /** How predecessor organisations are placed in a month's figures. */
    public enum Basis {
        /** Organisations as they were in each month. */
        REPORTED,
        /** Every predecessor folded into the trust that exists today. */
        CURRENT
    }

    private final List<Merger> mergers;

    public Organisations(OrganisationProperties properties) {
        for (Merger merger : properties.mergers()) {
            if (NetworkTrust.fromOdsCode(merger.successor()).isEmpty()) {
                throw new IllegalArgumentException("camrin.data.organisations.mergers: successor '" + merger.successor()
                        + "' is not a network trust. Use one of " + NetworkTrust.odsCodes() + ".");
            }
        }
        this.mergers = properties.mergers();
    }

    /** Whether the organisation's figures are kept: a network trust or a configured predecessor. */
    public boolean isNetworkOrganisation(String odsCode) {
        String code = normalise(odsCode);
        return NetworkTrust.fromOdsCode(code).isPresent()
                || mergers.stream().anyMatch(merger -> merger.predecessor().equalsIgnoreCase(code));
    }

    /** The network trust an organisation's figures for a month count towards, if any. */
    public Optional<NetworkTrust> trustFor(String odsCode, YearMonth period, Basis basis) {
        String code = normalise(odsCode);
        Optional<Merger> merger = mergerOf(code);
        if (merger.isPresent()) {
            boolean merged = basis == Basis.CURRENT || !period.isBefore(merger.get().effectiveFrom())
                    || NetworkTrust.fromOdsCode(code).isEmpty();
            if (merged) {
                return trustFor(merger.get().successor(), period, basis);
            }
        }
        return NetworkTrust.fromOdsCode(code);
    }

    /** Every organisation whose figures may count towards the trust, the trust's own code first. */
    public List<String> organisationsOf(NetworkTrust trust) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(trust.odsCode());
        boolean added = true;
        while (added) {
            added = false;
            for (Merger merger : mergers) {
                if (codes.contains(merger.successor().toUpperCase(Locale.ROOT))
                        && codes.add(merger.predecessor().toUpperCase(Locale.ROOT))) {
                    added = true;
                }
            }
        }
        return new ArrayList<>(codes);
    }

    /** Every organisation the service keeps figures for. */
    public List<String> allOrganisations() {
        List<String> codes = new ArrayList<>();
        for (NetworkTrust trust : NetworkTrust.values()) {
            codes.add(trust.odsCode());
        }
        mergers.forEach(merger -> codes.add(merger.predecessor().toUpperCase(Locale.ROOT)));
        return codes;
    }

    /** The merger that ended the organisation's own reporting, if it has one. */
    public Optional<Merger> mergerOf(String odsCode) {
        return mergers.stream().filter(merger -> merger.predecessor().equalsIgnoreCase(odsCode)).findFirst();
    }

    private static String normalise(String odsCode) {
        return odsCode == null ? "" : odsCode.strip().toUpperCase(Locale.ROOT);
    }
}
