package org.camrin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camrin.infra.testing.KafkaTestServer;
import org.camrin.infra.testing.KeycloakTestServer;
import org.camrin.infra.testing.MongoTestServer;
import org.camrin.infra.testing.PostgresTestServer;
import org.camrin.infra.testing.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in headless Chromium: demo users of two trusts and several roles sign in through
 * Keycloak's real login pages, use the pages and sign out. Everything runs as in production:
 * Keycloak, PostgreSQL, the MongoDB-compatible server, Kafka, the four packaged services and the
 * packaged gateway as processes. Screenshots of the main pages go to {@code target/screenshots}.
 *
 * <p>The gateway's Keycloak client is changed for this run through the admin API: its redirect
 * URIs allow the gateway's random port, and its access tokens live 20 s so the refresh is
 * exercised. The gateway's session times out after 40 s idle.
 */
class PortalBrowserTest {

    private static final String PASSWORD = "camrin-demo";
    private static final int ACCESS_TOKEN_SECONDS = 20;
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(40);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper json = new ObjectMapper();
    private static final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static KeycloakTestServer keycloak;
    private static ServiceProcess programmeService;
    private static ServiceProcess pathwayService;
    private static ServiceProcess workforceService;
    private static ServiceProcess dataService;
    private static ServiceProcess gateway;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startPlatform() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        PostgresTestServer postgres = PostgresTestServer.shared();
        keycloak = KeycloakTestServer.shared();
        Map<String, String> environment = Map.of(
                "POSTGRES_URL", postgres.url(),
                "POSTGRES_USER", postgres.username(),
                "POSTGRES_PASSWORD", postgres.password(),
                "MONGODB_URI", MongoTestServer.shared().uri(),
                "KAFKA_BOOTSTRAP_SERVERS", KafkaTestServer.shared().bootstrapServers(),
                "KEYCLOAK_URL", keycloak.url());
        programmeService = ServiceProcess.start(root, "programme-service", environment);
        pathwayService = ServiceProcess.start(root, "pathway-service", environment);
        workforceService = ServiceProcess.start(root, "workforce-service", environment);
        dataService = ServiceProcess.start(root, "data-service", environment);
        gateway = ServiceProcess.start(root, "gateway", Map.of(
                "KEYCLOAK_URL", keycloak.url(),
                "PROGRAMME_SERVICE_URL", programmeService.url(),
                "PATHWAY_SERVICE_URL", pathwayService.url(),
                "WORKFORCE_SERVICE_URL", workforceService.url(),
                "DATA_SERVICE_URL", dataService.url(),
                "CAMRIN_SESSION_TIMEOUT", SESSION_TIMEOUT.toSeconds() + "s"));
        allowGatewayPort();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopPlatform() {
        for (AutoCloseable process : new AutoCloseable[] {gateway, dataService, workforceService, pathwayService,
                programmeService}) {
            if (process != null) {
                try {
                    process.close();
                } catch (Exception ignored) {
                    // Each process is also stopped by its shutdown hook.
                }
            }
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/lib/chromium/chromium");
        // No outside host is contacted: background services are off and every host name but
        // the loopback ones fails to resolve.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1600",
                "--user-data-dir=" + Files.createTempDirectory("portal-chromium-"),
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
                "--disable-features=AutofillServerCommunication,PasswordLeakDetection,OptimizationHints,Translate,MediaRouter");
        options.setExperimentalOption("prefs", Map.of(
                "credentials_enable_service", false,
                "profile.password_manager_enabled", false,
                "profile.password_manager_leak_detection", false));
        browser = new ChromeDriver(options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void managerCreatesProjectAndSignsOut() {
        signIn("programme-manager.rem");
        assertThat(text("welcome")).contains("Paul Molyneux");
        assertThat(text("user-trust")).contains("REM");
        assertThat(text("user-roles")).contains("programme-manager");
        assertThat(text("glance-waiting-network")).contains("waiting");
        screenshot("home-programme-manager");

        open("/programmes");
        assertThat(text("programmes")).contains("Data");
        screenshot("programmes");
        browser.findElement(By.linkText("Data")).click();
        wait.until(presenceOfElementLocated(By.id("new-project"))).click();

        wait.until(presenceOfElementLocated(By.id("create-project"))).click();
        wait.until(presenceOfElementLocated(By.id("error-summary-title")));
        assertThat(text("title-error")).contains("title");
        screenshot("project-form-errors");

        browser.findElement(By.id("title")).sendKeys("Shared capacity dashboard");
        new Select(browser.findElement(By.id("leadTrust"))).selectByValue("REM");
        browser.findElement(By.id("participating-RBL")).click();
        browser.findElement(By.id("create-project")).click();
        wait.until(textToBePresentInElementLocated(By.id("project-title"), "Shared capacity dashboard"));
        assertThat(text("project-status")).isEqualTo("Proposed");

        browser.findElement(By.id("rating-AMBER")).click();
        browser.findElement(By.id("reason")).sendKeys("Waiting for the data sharing agreement");
        browser.findElement(By.id("save-rag")).click();
        wait.until(textToBePresentInElementLocated(By.id("project-rag"), "Amber"));
        assertThat(text("project-rag")).contains("Waiting for the data sharing agreement");
        assertThat(text("history")).contains("programme-manager.rem").contains("REM").contains("Project RAG rated");
        screenshot("project");

        browser.findElement(By.id("sign-out")).click();
        wait.until(presenceOfElementLocated(By.id("signed-out")));
        assertThat(browser.getCurrentUrl()).startsWith(gateway.url() + "/signed-out");

        // The Keycloak session ended too, so the portal shows Keycloak's user name form again.
        open("/");
        wait.until(presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(keycloak.url());
    }

    @Test
    void clinicianIsRefusedProjectChanges() {
        signIn("clinician.rbl");
        assertThat(text("user-trust")).contains("RBL");
        assertThat(text("user-roles")).isEqualTo("clinician");

        open("/programmes/data");
        wait.until(presenceOfElementLocated(By.tagName("h1")));
        assertThat(browser.findElements(By.id("new-project"))).isEmpty();

        open("/programmes/data/projects/new");
        wait.until(presenceOfElementLocated(By.id("error-summary-title")));
        assertThat(text("error-detail")).contains("Only programme managers and network admins");
        screenshot("refused-project-form");

        open("/capacity");
        wait.until(presenceOfElementLocated(By.id("area")));
        assertThat(new Select(browser.findElement(By.id("area"))).getOptions())
                .extracting(option -> option.getDomAttribute("value"))
                .containsExactly("NETWORK", "RBL");
        assertThat(new Select(browser.findElement(By.id("area"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("RBL");
    }

    @Test
    void clinicianRecordsPathwayStep() throws Exception {
        adoptAtRbl("FDS-28");
        signIn("clinician.rbl");
        open("/pathways");
        wait.until(presenceOfElementLocated(By.id("definitions")));
        assertThat(text("definitions")).contains("NOLCP-IMAGING");

        browser.findElement(By.id("nhsNumber")).sendKeys("9434765918");
        browser.findElement(By.id("start-pathway")).click();
        wait.until(presenceOfElementLocated(By.id("nhsNumber-error")));
        assertThat(browser.getPageSource()).doesNotContain("9434765918");

        browser.findElement(By.id("nhsNumber")).sendKeys("9434765919");
        new Select(browser.findElement(By.id("pathwayCode"))).selectByValue("FDS-28");
        browser.findElement(By.id("start-pathway")).click();
        wait.until(presenceOfElementLocated(By.id("steps")));
        screenshot("patient-pathway");

        WebElement recordButton = browser.findElements(By.cssSelector("button[id^='record-button-']")).get(0);
        String stepKey = recordButton.getDomAttribute("id").substring("record-button-".length());
        recordButton.click();
        wait.until(textToBePresentInElementLocated(By.id("step-result-" + stepKey), "Within target"));

        open("/pathways/definitions/FDS-28");
        wait.until(presenceOfElementLocated(By.id("compliance-chart")));
        assertThat(text("compliance-table")).contains("RBL");
        screenshot("pathway-compliance");
    }

    @Test
    void analystRunsScenarioAndImports() throws IOException {
        signIn("data-analyst.rem");
        open("/capacity?area=NETWORK");
        wait.until(presenceOfElementLocated(By.cssSelector("#waiting-chart svg")));
        assertThat(text("waiting-table")).contains("Nov 2020");
        screenshot("capacity");

        browser.findElement(By.id("scenario-link")).click();
        new Select(wait.until(presenceOfElementLocated(By.id("area")))).selectByValue("NETWORK");
        browser.findElement(By.id("months")).clear();
        browser.findElement(By.id("months")).sendKeys("500");
        browser.findElement(By.id("run-scenario")).click();
        wait.until(presenceOfElementLocated(By.id("error-summary-title")));
        assertThat(browser.findElements(By.id("projection-chart"))).isEmpty();

        browser.findElement(By.id("months")).clear();
        browser.findElement(By.id("months")).sendKeys("6");
        browser.findElement(By.id("demandGrowthPercent")).sendKeys("3");
        browser.findElement(By.id("extraCapacityPerMonth")).sendKeys("500");
        browser.findElement(By.id("demandPerMonth")).sendKeys("20000");
        browser.findElement(By.id("run-scenario")).click();
        wait.until(presenceOfElementLocated(By.cssSelector("#projection-chart svg")));
        assertThat(browser.findElements(By.cssSelector("#projection-table tbody tr"))).hasSize(6);
        screenshot("scenario");

        Path file = Files.createTempFile("provider-total-waiting-list-", ".csv");
        Files.writeString(file, "code,trust_name,total_waiting_list,Date\n"
                + "REM,Liverpool University Hospitals NHS Foundation Trust,not-a-number,2020-11-01\n");
        open("/capacity/imports/new");
        wait.until(presenceOfElementLocated(By.id("file"))).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("start-import")).click();
        wait.until(presenceOfElementLocated(By.id("import-progress")));
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(textToBePresentInElementLocated(By.id("import-status"), "Rejected"));
        assertThat(text("rejected-rows")).contains("2");
        screenshot("import-report");
    }

    @Test
    void workforceLeadSeesWorkforceAtPhoneWidth() {
        signIn("workforce-lead.rbl");
        open("/workforce?trust=RBL");
        wait.until(presenceOfElementLocated(By.id("trust-table")));
        assertThat(text("trust-table")).contains("Network");
        assertThat(text("chosen-trust")).contains("RBL");
        screenshot("workforce");

        browser.manage().window().setSize(new Dimension(375, 1400));
        open("/");
        wait.until(presenceOfElementLocated(By.id("glance")));
        screenshot("home-phone");
    }

    @Test
    void tokenIsRefreshedWithinSession() throws Exception {
        signIn("programme-manager.rem");
        String session = sessionCookie();

        // Past the access token's lifetime: a page works only if the gateway refreshed it.
        Thread.sleep(Duration.ofSeconds(ACCESS_TOKEN_SECONDS + 4).toMillis());
        open("/programmes");
        wait.until(presenceOfElementLocated(By.id("programmes")));

        assertThat(browser.getCurrentUrl()).isEqualTo(gateway.url() + "/programmes");
        assertThat(sessionCookie()).isEqualTo(session);
    }

    @Test
    void idleSessionExpires() throws Exception {
        signIn("clinician.rbl");
        String session = sessionCookie();
        assertThat(getWithSession("/", session).statusCode()).isEqualTo(200);

        Thread.sleep(SESSION_TIMEOUT.plusSeconds(5).toMillis());

        HttpResponse<String> expired = getWithSession("/", session);
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(expired.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/oauth2/authorization/keycloak"));
    }

    @Test
    void changeWithoutCsrfTokenGets403() throws Exception {
        signIn("programme-manager.rem");
        String session = sessionCookie();
        String form = "title=" + URLEncoder.encode("Forged project", StandardCharsets.UTF_8) + "&leadTrust=REM";

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/programmes/data/projects"))
                .header("Cookie", "CAMRIN_SESSION=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
        open("/programmes/data");
        wait.until(presenceOfElementLocated(By.tagName("h1")));
        assertThat(browser.getPageSource()).doesNotContain("Forged project");
    }

    @Test
    void apiCallWithoutTokenGets401() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/api/programmes"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
    }

    @Test
    void sessionCookieIsHttpOnlyAndLax() {
        signIn("clinician.rbl");

        org.openqa.selenium.Cookie cookie = browser.manage().getCookieNamed("CAMRIN_SESSION");

        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(browser.getPageSource()).doesNotContain("eyJ");
    }

    /** Returns the jackson-dataformat-yaml jar of the local Maven repository, which the pathway service's jar lacks. */

    /** Adopts version 1 of a pathway at RBL from today through the API, as RBL's trust admin would. */
    private static void adoptAtRbl(String code) throws Exception {
        String admin = keycloak.passwordToken("trust-admin.rbl", PASSWORD);
        String body = "{\"version\":1,\"effectiveFrom\":\"" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")) + "\"}";
        HttpResponse<String> adopted = http.send(HttpRequest.newBuilder(
                        URI.create(gateway.url() + "/api/pathways/definitions/" + code + "/adoptions/RBL"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(adopted.statusCode()).as(adopted.body()).isBetween(200, 299);
    }

    private void signIn(String username) {
        browser.get(gateway.url() + "/");
        wait.until(presenceOfElementLocated(By.id("username"))).sendKeys(username);
        // With organizations enabled Keycloak's login is two forms: the user name first, then the password.
        if (browser.findElements(By.id("password")).isEmpty()) {
            browser.findElement(By.id("kc-login")).click();
        }
        wait.until(presenceOfElementLocated(By.id("password"))).sendKeys(PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        wait.until(presenceOfElementLocated(By.id("welcome")));
    }

    private void open(String path) {
        browser.get(gateway.url() + path);
    }

    private String text(String id) {
        return wait.until(presenceOfElementLocated(By.id(id))).getText();
    }

    private String sessionCookie() {
        return browser.manage().getCookieNamed("CAMRIN_SESSION").getValue();
    }

    private void screenshot(String name) {
        try {
            Path shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException failure) {
            throw new IllegalStateException("Could not save the screenshot " + name, failure);
        }
    }

    private static HttpResponse<String> getWithSession(String path, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway.url() + path))
                .header("Cookie", "CAMRIN_SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Lets the gateway's random port sign in and out with the {@code camrin-gateway} client, and
     * shortens its access tokens so that the tests see them refreshed. This changes only the
     * test's own Keycloak.
     */
    private static void allowGatewayPort() throws Exception {
        String adminToken = json.readTree(http.send(HttpRequest.newBuilder(
                        URI.create(keycloak.url() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();

        String clients = keycloak.url() + "/admin/realms/camrin/clients";
        JsonNode found = json.readTree(http.send(HttpRequest.newBuilder(URI.create(clients + "?clientId=camrin-gateway"))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString()).body());
        ObjectNode client = (ObjectNode) found.get(0);
        ((ArrayNode) client.withArray("redirectUris")).add(gateway.url() + "/login/oauth2/code/keycloak");
        ObjectNode attributes = client.withObject("attributes");
        attributes.put("post.logout.redirect.uris",
                attributes.path("post.logout.redirect.uris").asText() + "##" + gateway.url() + "/*");
        attributes.put("access.token.lifespan", Integer.toString(ACCESS_TOKEN_SECONDS));

        HttpResponse<String> updated = http.send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asText()))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(client)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
    }
}
