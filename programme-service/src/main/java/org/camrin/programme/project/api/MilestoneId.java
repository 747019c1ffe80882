package org.camrin.programme.project.api;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifier of a milestone within its project. */
public record MilestoneId(UUID value) {

    public MilestoneId {
        if (value == null) {
            throw new IllegalArgumentException("A milestone id needs a UUID");
        }
    }

    public static MilestoneId newId() {
        return new MilestoneId(UUID.randomUUID());
    }

    @JsonCreator
    public static MilestoneId of(String value) {
        return new MilestoneId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
