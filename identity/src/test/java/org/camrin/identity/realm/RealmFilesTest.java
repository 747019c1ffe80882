package org.camrin.identity.realm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RealmFilesTest {

    /** The 12 member trusts by NHS ODS code, kept here independently of the realm file. */
    private static final Set<String> TRUST_CODES = Set.of(
            "RBS", "RJR", "RBQ", "REM", "REP", "RBT", "RBN", "RVY", "REN", "RET", "RWW", "RBL");

    private static final Set<String> USER_ROLES = Set.of(
            "network-admin", "programme-manager", "trust-admin", "clinician", "radiologist",
            "workforce-lead", "data-analyst");

    private static final Set<String> SERVICE_ROLES = Set.of("partner-api", "cancer-alliance");

    private static final Set<String> REQUIRED_DEMO_USERS = Set.of(
            "network-admin.rem", "programme-manager.rem", "programme-manager.rbl", "trust-admin.rem",
            "trust-admin.rbl", "clinician.rbl", "clinician.rem", "radiologist.rem", "radiologist.rbq",
            "workforce-lead.rbl", "workforce-lead.rjr", "data-analyst.rem", "data-analyst.rbt");

    private static final Set<String> PRODUCTION_CLIENTS = Set.of(
            "camrin-api", "camrin-gateway", "partner-system", "cancer-alliance");

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void developmentRealmHasTwelveTrustOrganizations() {
        JsonNode organizations = RealmFiles.development().path("organizations");

        Set<String> codes = new HashSet<>();
        for (JsonNode organization : organizations) {
            String ods = organization.path("attributes").path("ods").path(0).asText();
            codes.add(ods);
            assertThat(organization.path("alias").asText()).isEqualTo(ods.toLowerCase());
            assertThat(organization.path("name").asText()).isNotBlank();
            assertThat(organization.path("enabled").asBoolean()).isTrue();
        }
        assertThat(organizations).hasSize(12);
        assertThat(codes).isEqualTo(TRUST_CODES);
    }

    @Test
    void developmentRealmEnablesOrganizations() {
        ObjectNode realm = RealmFiles.development();

        assertThat(realm.path("realm").asText()).isEqualTo(RealmFiles.REALM_NAME);
        assertThat(realm.path("organizationsEnabled").asBoolean()).isTrue();
        assertThat(realm.path("accessTokenLifespan").asInt()).isEqualTo(300);
    }

    @Test
    void realmDeclaresEveryRoleWithDescription() {
        Map<String, String> descriptions = new TreeMap<>();
        for (JsonNode role : RealmFiles.development().path("roles").path("realm")) {
            descriptions.put(role.path("name").asText(), role.path("description").asText());
        }

        Set<String> expected = new TreeSet<>(USER_ROLES);
        expected.addAll(SERVICE_ROLES);
        assertThat(descriptions.keySet()).isEqualTo(expected);
        assertThat(descriptions.values()).allSatisfy(description -> assertThat(description).isNotBlank());
    }

    @Test
    void developmentRealmHasAllClients() {
        Set<String> expected = new HashSet<>(PRODUCTION_CLIENTS);
        expected.add("camrin-cli");

        assertThat(clientIds(RealmFiles.development())).isEqualTo(expected);
    }

    @Test
    void demoUsersHaveTrustAndRole() {
        List<JsonNode> users = demoUsers(RealmFiles.development());
        assertThat(users).isNotEmpty();

        for (JsonNode user : users) {
            String username = user.path("username").asText();
            String role = username.substring(0, username.indexOf('.'));
            String trust = user.path("attributes").path("trust").path(0).asText();

            assertThat(trust).as("trust of %s", username).isIn(TRUST_CODES);
            assertThat(user.path("attributes").path("trust")).as("trust values of %s", username).hasSize(1);
            assertThat(username).isEqualTo(role + "." + trust.toLowerCase());
            assertThat(role).as("role in the name of %s", username).isIn(USER_ROLES);
            assertThat(textValues(user.path("realmRoles"))).as("roles of %s", username).contains(role);
        }
    }

    @Test
    void demoUsersCoverRequiredNamesAndRoles() {
        Set<String> usernames = new HashSet<>();
        Set<String> roles = new HashSet<>();
        for (JsonNode user : demoUsers(RealmFiles.development())) {
            usernames.add(user.path("username").asText());
            roles.addAll(textValues(user.path("realmRoles")));
        }

        assertThat(usernames).containsAll(REQUIRED_DEMO_USERS);
        assertThat(roles).containsAll(USER_ROLES);
    }

    @Test
    void demoUsersCanSignIn() {
        for (JsonNode user : demoUsers(RealmFiles.development())) {
            String username = user.path("username").asText();
            JsonNode credential = user.path("credentials").path(0);

            assertThat(user.path("enabled").asBoolean()).as("%s enabled", username).isTrue();
            assertThat(user.path("emailVerified").asBoolean()).as("%s email verified", username).isTrue();
            assertThat(user.path("email").asText()).isEqualTo(username + "@camrin.invalid");
            assertThat(user.path("firstName").asText()).as("first name of %s", username).isNotBlank();
            assertThat(user.path("lastName").asText()).as("last name of %s", username).isNotBlank();
            assertThat(credential.path("type").asText()).isEqualTo("password");
            assertThat(credential.path("value").asText()).isEqualTo("camrin-demo");
            assertThat(credential.path("temporary").asBoolean()).as("%s password temporary", username).isFalse();
        }
    }

    @Test
    void demoUsersAreMembersOfTheirTrust() {
        ObjectNode realm = RealmFiles.development();
        Map<String, String> organizationByUser = new TreeMap<>();
        for (JsonNode organization : realm.path("organizations")) {
            String ods = organization.path("attributes").path("ods").path(0).asText();
            for (JsonNode member : organization.path("members")) {
                String previous = organizationByUser.put(member.path("username").asText(), ods);
                assertThat(previous).as("second organization of %s", member.path("username").asText()).isNull();
            }
        }

        Map<String, String> trustByUser = new TreeMap<>();
        for (JsonNode user : demoUsers(realm)) {
            trustByUser.put(user.path("username").asText(), user.path("attributes").path("trust").path(0).asText());
        }
        assertThat(organizationByUser).isEqualTo(trustByUser);
    }

    @Test
    void productionRealmHasNoDemoUsersOrCli() {
        ObjectNode realm = RealmFiles.production();

        assertThat(clientIds(realm)).isEqualTo(PRODUCTION_CLIENTS);
        assertThat(demoUsers(realm)).isEmpty();
        for (JsonNode organization : realm.path("organizations")) {
            assertThat(organization.has("members")).as("members of %s", organization.path("alias").asText()).isFalse();
        }
    }

    @Test
    void productionUsersAreOnlyServiceAccounts() {
        Map<String, Set<String>> rolesByClient = new TreeMap<>();
        for (JsonNode user : RealmFiles.production().path("users")) {
            assertThat(user.has("credentials")).as("credentials of %s", user.path("username").asText()).isFalse();
            rolesByClient.put(user.path("serviceAccountClientId").asText(), textValues(user.path("realmRoles")));
        }

        assertThat(rolesByClient).isEqualTo(Map.of(
                "partner-system", Set.of("partner-api"),
                "cancer-alliance", Set.of("cancer-alliance")));
    }

    @Test
    void sslRequiredIsRelaxedInDevelopment() {
        assertThat(RealmFiles.development().path("sslRequired").asText()).isEqualTo("none");
        assertThat(RealmFiles.production().path("sslRequired").asText()).isEqualTo("external");
    }

    @Test
    void productionReturnsFreshCopy() {
        RealmFiles.production().withArray("clients").removeAll();

        assertThat(clientIds(RealmFiles.production())).isEqualTo(PRODUCTION_CLIENTS);
    }

    @Test
    void userProfileRestrictsTrustToTrustCodes() throws Exception {
        JsonNode component = RealmFiles.production().path("components")
                .path("org.keycloak.userprofile.UserProfileProvider").path(0);
        assertThat(component.path("providerId").asText()).isEqualTo("declarative-user-profile");

        JsonNode profile = mapper.readTree(component.path("config").path("kc.user.profile.config").path(0).asText());
        JsonNode trust = null;
        Set<String> attributeNames = new HashSet<>();
        for (JsonNode attribute : profile.path("attributes")) {
            attributeNames.add(attribute.path("name").asText());
            if (attribute.path("name").asText().equals("trust")) {
                trust = attribute;
            }
        }

        assertThat(attributeNames).contains("username", "email", "firstName", "lastName", "trust");
        assertThat(trust).isNotNull();
        assertThat(textValues(trust.path("validations").path("options").path("options"))).isEqualTo(TRUST_CODES);
        assertThat(textValues(trust.path("permissions").path("edit"))).isEqualTo(Set.of("admin"));
        assertThat(trust.path("multivalued").asBoolean()).isFalse();
    }

    @Test
    void tokenClientsHaveAudienceAndTrustMappers() {
        for (JsonNode client : RealmFiles.development().path("clients")) {
            String clientId = client.path("clientId").asText();
            if (clientId.equals("camrin-api")) {
                continue;
            }
            JsonNode audience = protocolMapper(client, "oidc-audience-mapper");
            JsonNode trust = protocolMapper(client, "oidc-usermodel-attribute-mapper");

            assertThat(audience).as("audience mapper of %s", clientId).isNotNull();
            assertThat(audience.path("config").path("included.client.audience").asText()).isEqualTo("camrin-api");
            assertThat(audience.path("config").path("access.token.claim").asText()).isEqualTo("true");
            assertThat(trust).as("trust mapper of %s", clientId).isNotNull();
            assertThat(trust.path("config").path("user.attribute").asText()).isEqualTo("trust");
            assertThat(trust.path("config").path("claim.name").asText()).isEqualTo("trust");
            assertThat(trust.path("config").path("jsonType.label").asText()).isEqualTo("String");
            for (String token : List.of("access.token.claim", "id.token.claim", "userinfo.token.claim")) {
                assertThat(trust.path("config").path(token).asText()).as("%s of %s", token, clientId).isEqualTo("true");
            }
        }
    }

    @Test
    void realmDoesNotReplaceBuiltInScopes() {
        assertThat(RealmFiles.development().has("clientScopes")).isFalse();
    }

    @Test
    void apiClientHasNoFlows() {
        JsonNode api = client(RealmFiles.production(), "camrin-api");

        assertThat(api.path("bearerOnly").asBoolean()).isTrue();
        for (String flow : List.of("standardFlowEnabled", "implicitFlowEnabled", "directAccessGrantsEnabled",
                "serviceAccountsEnabled")) {
            assertThat(api.path(flow).asBoolean()).as(flow).isFalse();
        }
    }

    @Test
    void gatewayRequiresPkce() {
        JsonNode gateway = client(RealmFiles.production(), "camrin-gateway");

        assertThat(gateway.path("publicClient").asBoolean()).isFalse();
        assertThat(gateway.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(gateway.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(gateway.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(textValues(gateway.path("redirectUris")))
                .containsExactly("http://localhost:8080/login/oauth2/code/keycloak");
        assertThat(gateway.path("attributes").path("post.logout.redirect.uris").asText())
                .isEqualTo("http://localhost:8080/*");
        assertThat(gateway.path("secret").asText()).isEqualTo("camrin-gateway-dev-secret");
    }

    @Test
    void confidentialClientsMarkSecretsAsDevelopmentValues() {
        for (String clientId : List.of("camrin-gateway", "partner-system", "cancer-alliance")) {
            JsonNode client = client(RealmFiles.production(), clientId);

            assertThat(client.path("secret").asText()).isEqualTo(clientId + "-dev-secret");
            assertThat(client.path("description").asText()).as("description of %s", clientId)
                    .contains("development value").contains("replaces");
        }
    }

    @Test
    void clientCredentialsClientsUseOnlyServiceAccounts() {
        for (String clientId : List.of("partner-system", "cancer-alliance")) {
            JsonNode client = client(RealmFiles.production(), clientId);

            assertThat(client.path("serviceAccountsEnabled").asBoolean()).as(clientId).isTrue();
            assertThat(client.path("standardFlowEnabled").asBoolean()).as(clientId).isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(clientId).isFalse();
            assertThat(client.path("publicClient").asBoolean()).as(clientId).isFalse();
        }
    }

    @Test
    void cliClientUsesOnlyPasswordGrant() {
        JsonNode cli = client(RealmFiles.development(), "camrin-cli");

        assertThat(cli.path("publicClient").asBoolean()).isTrue();
        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(cli.path("standardFlowEnabled").asBoolean()).isFalse();
    }

    @Test
    void mergeConcatenatesArraysAndMergesObjects() throws Exception {
        ObjectNode target = (ObjectNode) mapper.readTree("""
                {"clients": [1], "nested": {"keep": 1, "replace": 1, "list": ["a"]}, "scalar": "old"}""");
        ObjectNode additions = (ObjectNode) mapper.readTree("""
                {"clients": [2], "nested": {"replace": 2, "list": ["b"]}, "scalar": "new", "added": true}""");

        RealmFiles.merge(target, additions);

        assertThat(target).isEqualTo(mapper.readTree("""
                {"clients": [1, 2], "nested": {"keep": 1, "replace": 2, "list": ["a", "b"]},
                 "scalar": "new", "added": true}"""));
    }

    @Test
    void mergeCopiesAddedValues() throws Exception {
        ObjectNode target = (ObjectNode) mapper.readTree("{}");
        ObjectNode additions = (ObjectNode) mapper.readTree("{\"users\": [{\"username\": \"a\"}]}");

        RealmFiles.merge(target, additions);
        ((ObjectNode) additions.path("users").path(0)).put("username", "changed");

        assertThat(target.path("users").path(0).path("username").asText()).isEqualTo("a");
    }

    @Test
    void membershipRejectsUnknownTrust() {
        // A user whose trust names no organization would otherwise lose its membership silently.
        ObjectNode realm = RealmFiles.production();
        realm.withArray("users").addObject().put("username", "someone.xyz")
                .putObject("attributes").putArray("trust").add("XYZ");

        assertThatThrownBy(() -> RealmFiles.addOrganizationMembers(realm))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("someone.xyz")
                .hasMessageContaining("XYZ");
    }

    private static List<JsonNode> demoUsers(ObjectNode realm) {
        List<JsonNode> users = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            if (!user.has("serviceAccountClientId")) {
                users.add(user);
            }
        }
        return users;
    }

    private static Set<String> clientIds(ObjectNode realm) {
        Set<String> ids = new HashSet<>();
        for (JsonNode client : realm.path("clients")) {
            ids.add(client.path("clientId").asText());
        }
        return ids;
    }

    private static JsonNode client(ObjectNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("Client " + clientId + " not found in the realm");
    }

    private static JsonNode protocolMapper(JsonNode client, String protocolMapper) {
        for (JsonNode mapper : client.path("protocolMappers")) {
            if (mapper.path("protocolMapper").asText().equals(protocolMapper)) {
                return mapper;
            }
        }
        return null;
    }

    private static Set<String> textValues(JsonNode array) {
        Set<String> values = new HashSet<>();
        for (JsonNode value : array) {
            values.add(value.asText());
        }
        return values;
    }
}
