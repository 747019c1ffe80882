package org.camrin.workforce.record.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The imaging staff groups the North West imaging workforce strategy plans for. */
public enum StaffGroup {

    RADIOLOGISTS("radiologists", "Radiologists"),
    DIAGNOSTIC_RADIOGRAPHERS("diagnostic-radiographers", "Diagnostic radiographers"),
    SONOGRAPHERS("sonographers", "Sonographers"),
    ASSISTANT_PRACTITIONER_RADIOGRAPHERS("assistant-practitioner-radiographers", "Assistant practitioner radiographers"),
    RADIOLOGY_SUPPORT_WORKERS("radiology-support-workers", "Radiology support workers"),
    MEDICAL_PHYSICISTS("medical-physicists", "Medical physicists"),
    RADIOLOGY_NURSES("radiology-nurses", "Radiology nurses"),
    PACS_RIS_TEAM("pacs-ris-team", "PACS/RIS team"),
    CLERICAL_AND_ADMINISTRATIVE("clerical-and-administrative", "Clerical and administrative staff");

    private final String id;
    private final String displayName;

    StaffGroup(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** Finds a staff group by its id, such as {@code sonographers}, ignoring case and surrounding space. */
    public static Optional<StaffGroup> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(group -> group.id.equals(wanted)).findFirst();
    }

    /** Returns the staff group ids, for error messages. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(StaffGroup::id).toList());
    }
}
