package org.camrin.workforce.initiative.api;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifier of a Star-model initiative; its string form is the Axon aggregate identifier. */
public record InitiativeId(UUID value) {

    public InitiativeId {
        if (value == null) {
            throw new IllegalArgumentException("An initiative id needs a UUID");
        }
    }

    public static InitiativeId newId() {
        return new InitiativeId(UUID.randomUUID());
    }

    @JsonCreator
    public static InitiativeId of(String value) {
        return new InitiativeId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
