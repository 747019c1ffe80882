package org.camrin.pathway.patient.api;

/** Where a patient's pathway stands; completed, cancelled and erased pathways accept no changes. */
public enum PatientPathwayStatus {
    ACTIVE, PAUSED, COMPLETED, CANCELLED, ERASED;

    public boolean isClosed() {
        return this == COMPLETED || this == CANCELLED || this == ERASED;
    }
}
