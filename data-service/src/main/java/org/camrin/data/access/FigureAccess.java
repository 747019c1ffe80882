package org.camrin.data.access;

import org.camrin.identity.security.CamrinRoles;
import org.camrin.identity.security.CamrinUser;
import org.camrin.identity.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Read access to figures: data analysts, programme managers and network admins read every
 * trust; other users read their own trust and the network totals.
 */
public final class FigureAccess {

    private FigureAccess() {
    }

    /** Checks whether the signed-in user reads the figures of every trust. */
    public static boolean readsAllTrusts() {
        CamrinUser user = CurrentUser.get();
        return user.hasAnyRole(CamrinRoles.DATA_ANALYST, CamrinRoles.PROGRAMME_MANAGER, CamrinRoles.NETWORK_ADMIN);
    }

    /** Checks whether the signed-in user may read this trust's figures. */
    public static boolean mayRead(String odsCode) {
        return readsAllTrusts() || CurrentUser.get().belongsTo(odsCode);
    }

    /** Raises a 403 unless the signed-in user may read this trust's figures. */
    public static void requireRead(String odsCode) {
        if (!mayRead(odsCode)) {
            throw new AccessDeniedException("Figures of trust " + odsCode + " are readable by its own staff and by "
                    + "data analysts, programme managers and network admins.");
        }
    }
}
