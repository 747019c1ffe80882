package org.camrin.workforce.record.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifier of the workforce record of one trust and staff group, written {@code RBL|sonographers};
 * its string form is the Axon aggregate identifier and the query model's {@code _id}.
 */
public record WorkforceRecordId(String trust, StaffGroup staffGroup) {

    private static final String SEPARATOR = "|";

    public WorkforceRecordId {
        if (trust == null || trust.isBlank() || staffGroup == null) {
            throw new IllegalArgumentException("A workforce record id needs a trust and a staff group");
        }
    }

    @JsonCreator
    public static WorkforceRecordId of(String value) {
        int separator = value.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new IllegalArgumentException("'" + value + "' is not a workforce record id such as RBL|sonographers");
        }
        StaffGroup group = StaffGroup.fromId(value.substring(separator + 1))
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' names no staff group"));
        return new WorkforceRecordId(value.substring(0, separator), group);
    }

    @JsonValue
    @Override
    public String toString() {
        return trust + SEPARATOR + staffGroup.id();
    }
}
