package org.camrin.workforce.initiative.query;

import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Every initiative of the workforce programme in one document, read by the fixed id {@code all}.
 * The programme runs tens of initiatives, so the document stays small, and listing them or
 * projecting with them is one lookup by {@code _id}.
 */
@Document(InitiativeCatalogue.COLLECTION)
public record InitiativeCatalogue(@Id String id, Map<String, InitiativeView> initiatives) {

    static final String COLLECTION = "initiative_catalogue";
    static final String ID = "all";
}
