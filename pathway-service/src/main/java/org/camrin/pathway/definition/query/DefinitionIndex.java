package org.camrin.pathway.definition.query;

import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Every pathway definition's summary in one document, so listing them is one lookup by
 * {@code _id}. The network has tens of pathways, so the document stays small.
 */
@Document("pathway_definition_index")
record DefinitionIndex(@Id String id, Map<String, DefinitionSummary> definitions) {

    static final String ID = "all";
}
