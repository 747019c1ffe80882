package org.camrin.pathway.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class FeedContractTest {

    private final FeedContract contract = FeedContract.load();

    @Test
    void everyExampleMatchesSchema() {
        List<JsonNode> examples = contract.examples();

        assertThat(examples).isNotEmpty();
        for (JsonNode example : examples) {
            assertThat(contract.errorsOf(example.get("payload")))
                    .as("example %s", example.get("name").asText())
                    .isEmpty();
        }
    }

    @Test
    void everyTypeHasExample() {
        List<String> exampleTypes = contract.examples().stream()
                .map(example -> example.at("/payload/type").asText())
                .toList();

        assertThat(exampleTypes).containsExactlyInAnyOrderElementsOf(contract.types());
    }

    @Test
    void extraPayloadFieldRejected() {
        ObjectNode started = started();
        ((ObjectNode) started.get("payload")).put("nhsNumber", "9434765919");

        assertThat(contract.errorsOf(started)).isNotEmpty();
    }

    @Test
    void malformedPseudonymRejected() {
        ObjectNode started = started();
        ((ObjectNode) started.get("payload")).put("patientPseudonym", "9434765919");

        assertThat(contract.errorsOf(started)).isNotEmpty();
    }

    @Test
    void missingEnvelopeFieldRejected() {
        ObjectNode started = started();
        started.remove("eventId");

        assertThat(contract.errorsOf(started)).isNotEmpty();
    }

    @Test
    void unknownTypeRejected() {
        ObjectNode started = started();
        started.put("type", "PatientMoved");

        assertThat(contract.errorsOf(started)).isNotEmpty();
    }

    private ObjectNode started() {
        return contract.examples().stream()
                .filter(example -> example.at("/payload/type").asText().equals("PatientPathwayStarted"))
                .findFirst()
                .map(example -> (ObjectNode) example.get("payload").deepCopy())
                .orElseThrow();
    }
}
