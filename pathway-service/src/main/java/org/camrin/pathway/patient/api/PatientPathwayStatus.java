package org.camrin.pathway.patient.api;

/** Status of a patient's pathway. Completed, cancelled and erased pathways accept no changes. */
public enum PatientPathwayStatus {
    ACTIVE, PAUSED, COMPLETED, CANCELLED, ERASED;

    public boolean isClosed() {
        return this == COMPLETED || this == CANCELLED || this == ERASED;
    }
}
