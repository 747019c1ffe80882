package org.camrin.pathway.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The feed's AsyncAPI document and its message schema, for contract tests. The whole document
 * is loaded as a JSON Schema (draft 2020-12) whose root refers to the envelope schema, so the
 * {@code #/components/...} references resolve inside the file as written.
 */
public final class FeedContract {

    public static final Path ASYNCAPI = Path.of("..", "docs", "contracts", "camrin.pathway.events.asyncapi.yaml");

    private final JsonNode document;
    private final Schema schema;

    private FeedContract(JsonNode document, Schema schema) {
        this.document = document;
        this.schema = schema;
    }

    public static FeedContract load() {
        try {
            JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(ASYNCAPI));
            ObjectNode root = document.deepCopy();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.put("$ref", "#/components/schemas/PathwayEvent");
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root);
            return new FeedContract(document, schema);
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot read " + ASYNCAPI.toAbsolutePath(), failure);
        }
    }

    /** Returns the validation errors of one record value; empty when it matches the contract. */
    public List<String> errorsOf(JsonNode record) {
        List<String> errors = new ArrayList<>();
        for (Error error : schema.validate(record)) {
            errors.add(error.toString());
        }
        return errors;
    }

    /** Returns the examples of the PathwayEvent message, each with its name and payload. */
    public List<JsonNode> examples() {
        List<JsonNode> examples = new ArrayList<>();
        document.at("/components/messages/PathwayEvent/examples").forEach(examples::add);
        return examples;
    }

    /** Returns the event types the envelope schema lists. */
    public List<String> types() {
        List<String> types = new ArrayList<>();
        document.at("/components/schemas/PathwayEvent/properties/type/enum").forEach(type -> types.add(type.asText()));
        return types;
    }
}
