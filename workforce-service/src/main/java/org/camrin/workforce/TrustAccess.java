package org.camrin.workforce;

import org.camrin.identity.security.CamrinRoles;
import org.camrin.identity.security.CamrinUser;
import org.camrin.identity.security.CurrentUser;
import org.camrin.support.network.NetworkTrust;
import org.camrin.support.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;

/** Access rules for changing and reading the workforce records of a trust. */
public final class TrustAccess {

    private TrustAccess() {
    }

    /** Returns the ODS code of a network trust in upper case, or raises not found listing the trusts. */
    public static String requireTrust(String odsCode) {
        return NetworkTrust.fromOdsCode(odsCode).map(NetworkTrust::odsCode)
                .orElseThrow(() -> new NotFoundException("'" + odsCode + "' is not the ODS code of a network trust. "
                        + "Trusts are: " + NetworkTrust.odsCodes() + "."));
    }

    /**
     * Requires a workforce lead or trust admin of this very trust. Network roles do not change a
     * trust's records, so every figure in a return is vouched for by its own trust.
     */
    public static void requireChangeRights(String trust) {
        CamrinUser user = CurrentUser.get();
        if (!user.hasAnyRole(CamrinRoles.WORKFORCE_LEAD, CamrinRoles.TRUST_ADMIN) || !user.belongsTo(trust)) {
            throw new AccessDeniedException("Only workforce leads and trust admins of " + trust
                    + " may change its workforce records.");
        }
    }

    /**
     * Requires staff of this trust, a network admin or a programme manager. The change history
     * names the people who made each change, so other trusts read figures but not who entered them.
     */
    public static void requireHistoryRights(String trust) {
        CamrinUser user = CurrentUser.get();
        if (!user.belongsTo(trust) && !user.hasAnyRole(CamrinRoles.NETWORK_ADMIN, CamrinRoles.PROGRAMME_MANAGER)) {
            throw new AccessDeniedException("The change history of " + trust
                    + " is open to its own staff, network admins and programme managers.");
        }
    }
}
