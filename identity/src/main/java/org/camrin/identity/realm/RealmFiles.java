package org.camrin.identity.realm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Access to the Keycloak realm {@value #REALM_NAME}, read from the realm files on the classpath.
 *
 * <p>{@code realm/camrin-realm.json} is the production realm: roles, clients, the service
 * accounts of the client-credentials clients, the 12 trusts as organizations and the user
 * profile. {@code realm/camrin-development.json} contains only what the development realm adds:
 * the public client {@code camrin-cli} and the demo users.
 */
public final class RealmFiles {

    public static final String REALM_NAME = "camrin";

    static final String PRODUCTION_RESOURCE = "/realm/camrin-realm.json";
    static final String DEVELOPMENT_RESOURCE = "/realm/camrin-development.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RealmFiles() {
    }

    /** Returns a new copy of the production realm, ready for Keycloak's realm import. */
    public static ObjectNode production() {
        return read(PRODUCTION_RESOURCE);
    }

    /**
     * Builds the development realm: the production realm with the development additions merged
     * in by {@link #merge}. Every user with a {@code trust} attribute also becomes a member of
     * the organization whose {@code ods} attribute has that code, so the membership always
     * matches the attribute.
     *
     * @throws IllegalStateException if a user's trust matches no organization
     */
    public static ObjectNode development() {
        ObjectNode realm = production();
        merge(realm, read(DEVELOPMENT_RESOURCE));
        addOrganizationMembers(realm);
        return realm;
    }

    /**
     * Merges {@code additions} into {@code target}. Arrays are concatenated, objects are merged
     * field by field, and any other value replaces the target's value.
     */
    static void merge(ObjectNode target, ObjectNode additions) {
        Iterator<Map.Entry<String, JsonNode>> fields = additions.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            JsonNode added = field.getValue();

            if (existing instanceof ArrayNode existingArray && added instanceof ArrayNode addedArray) {
                existingArray.addAll(addedArray.deepCopy());
            } else if (existing instanceof ObjectNode existingObject && added instanceof ObjectNode addedObject) {
                merge(existingObject, addedObject);
            } else {
                target.set(field.getKey(), added.deepCopy());
            }
        }
    }

    /**
     * Adds every user with a {@code trust} attribute to the members of the organization with
     * that {@code ods} attribute.
     *
     * @throws IllegalStateException if a user's trust matches no organization
     */
    static void addOrganizationMembers(ObjectNode realm) {
        Map<String, ObjectNode> organizationsByOds = new HashMap<>();
        for (JsonNode organization : realm.path("organizations")) {
            String ods = organization.path("attributes").path("ods").path(0).asText();
            organizationsByOds.put(ods, (ObjectNode) organization);
        }

        for (JsonNode user : realm.path("users")) {
            JsonNode trust = user.path("attributes").path("trust").path(0);
            if (!trust.isTextual()) {
                continue;
            }
            String username = user.path("username").asText();
            ObjectNode organization = organizationsByOds.get(trust.asText());
            if (organization == null) {
                throw new IllegalStateException("User " + username + " has trust " + trust.asText()
                        + ", but no organization in " + PRODUCTION_RESOURCE
                        + " has that ods attribute; use one of " + organizationsByOds.keySet());
            }
            JsonNode members = organization.get("members");
            ArrayNode memberArray = members instanceof ArrayNode array ? array : organization.putArray("members");
            memberArray.addObject().put("username", username);
        }
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = RealmFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Realm file " + resource + " not found on the classpath");
            }
            JsonNode tree = MAPPER.readTree(in);
            if (!(tree instanceof ObjectNode realm)) {
                throw new IllegalStateException("Realm file " + resource + " must contain a JSON object");
            }
            return realm;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read realm file " + resource, e);
        }
    }
}
