package io.tillpoint.it;

import static io.tillpoint.it.Gateway.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.it.Gateway.Merchant;
import io.tillpoint.it.Gateway.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20, point 7: clients generated from what the deployed server publishes work. The test
 * fetches the live /openapi document and the live WSDL, generates a Java client from each (OpenAPI
 * Generator's CLI from Maven Central; the server's own wsimport), compiles a merchant's program
 * against it (src/test/clients) and runs it in a JVM of its own; the program goes through a
 * payment's life and prints what each step answered, and the assertions are here. The published
 * OpenAPI document is also compared with the committed one.
 */
@ExtendWith(ArquillianExtension.class)
class GeneratedClientsIT {

    static final Path CLIENTS = Path.of(System.getProperty("tillpoint.clients.dir", "target/clients"));
    static final Path SOURCES = Path.of(System.getProperty("tillpoint.clients.src", "src/test/clients"));
    static final Path COMMITTED_OPENAPI = SOURCES.resolve("../../../../web-module/api/src/main/resources/META-INF/openapi.yaml")
            .normalize();
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ear();
    }

    @Test
    void the_published_openapi_document_is_the_committed_one_in_yaml_and_in_json() throws Exception {
        String committed = Files.readString(COMMITTED_OPENAPI);
        Reply yaml = send(request("/openapi", platformToken()).header("Accept", "application/yaml").GET());
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        assertThat(yaml.body()).as("/openapi is the committed file, byte for byte").isEqualTo(committed);
        assertThat(get("/openapi", platformToken()).body()).as("YAML by default").isEqualTo(committed);
        Reply json = send(request("/openapi", platformToken()).header("Accept", "application/json").GET());
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(get("/openapi?format=json", platformToken()).body()).isEqualTo(json.body());
        JsonObject doc = Json.createReader(new StringReader(json.body())).readObject();
        assertThat(doc.getString("openapi")).startsWith("3.0");
        assertThat(doc.getJsonObject("info").getString("title")).isEqualTo("Tillpoint merchant API");
        assertThat(doc.getJsonArray("servers").getJsonObject(0).getString("url")).isEqualTo("/api/v1");
        assertThat(doc.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("oauth2")
                .getJsonObject("flows").getJsonObject("clientCredentials").getString("tokenUrl"))
                .isEqualTo("/api/v1/oauth/token");

        Set<String> published = new TreeSet<>();
        doc.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((verb, operation) -> {
            if (operation instanceof JsonObject op && op.containsKey("operationId")) {
                published.add(verb + " " + path + " " + op.getString("operationId"));
            }
        }));
        assertThat(published).as("the JSON form has every operation of the YAML, nothing else")
                .containsExactlyInAnyOrderElementsOf(operationsIn(committed));
        assertThat(doc.getJsonObject("components").getJsonObject("schemas").keySet())
                .containsExactlyInAnyOrderElementsOf(schemasIn(committed));
    }

    @Test
    void a_java_client_generated_from_the_published_openapi_document_goes_through_a_payments_life() throws Exception {
        Merchant m = newMerchant();
        Merchant other = newMerchant();
        String theirs = post("/api/v1/payments", other.token(), cardPayment(900, "USD", "manual", VISA)).json().getString("id");
        Path work = fresh(CLIENTS.resolve("rest"));
        Reply live = send(request("/openapi", platformToken()).header("Accept", "application/yaml").GET());
        assertThat(live.status()).isEqualTo(200);
        Path spec = work.resolve("openapi.yaml");
        Files.writeString(spec, live.body());

        run(List.of(JAVA, "-jar", CLIENTS.resolve("tools/openapi-generator-cli.jar").toString(), "generate", "-g", "java",
                "--library", "native", "-i", spec.toString(), "-o", work.resolve("generated").toString(),
                "--invoker-package", "io.tillpoint.client.rest", "--api-package", "io.tillpoint.client.rest.api",
                "--model-package", "io.tillpoint.client.rest.model",
                "--additional-properties=openApiNullable=false,useJakartaEe=true,hideGenerationTimestamp=true",
                "--global-property", "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false"), work);
        String classpath = jars(CLIENTS.resolve("rest-lib"));
        Path classes = compile(work.resolve("generated/src/main/java"), SOURCES.resolve("rest/RestLifecycle.java"),
                classpath, work.resolve("classes"));
        Map<String, String> saw = lines(run(List.of(JAVA, "-cp", classes + java.io.File.pathSeparator + classpath,
                "RestLifecycle", BASE, m.clientId(), m.clientSecret(), theirs), work));

        assertThat(saw).containsEntry("token_type", "Bearer");
        assertThat(Long.parseLong(saw.get("expires_in"))).isBetween(1L, 900L);
        assertThat(saw).containsEntry("create.http", "201").containsEntry("create.status", "authorized")
                .containsEntry("create.last4", "4242").containsEntry("create.replayed", "-")
                .containsEntry("replay.http", "201").containsEntry("replay.same_id", "true")
                .containsEntry("replay.replayed", "true")
                .containsEntry("reused_key", "422 idempotency_key_reused -")
                .containsEntry("capture.status", "captured").containsEntry("capture.amount_captured", "4000")
                .containsEntry("refund.1000.status", "succeeded").containsEntry("refund.1500.status", "succeeded")
                .containsEntry("refund.too_much", "400 amount_too_large amount")
                .containsEntry("refunds.count", "2").containsEntry("get.status", "partially_refunded")
                .containsEntry("get.amount_refunded", "2500")
                .containsEntry("void.status", "voided").containsEntry("capture_voided", "409 invalid_state -")
                .containsEntry("list.count", "2").containsEntry("list.has_more", "false")
                .containsEntry("list.newest_first", "true")
                .containsEntry("wrong_token", "401 unauthorized -")
                .containsEntry("other_merchant", "404 resource_missing -")
                .containsEntry("invalid_card", "400 invalid_number payment_method.card.number");
    }

    @Test
    void a_java_client_generated_from_the_published_wsdl_goes_through_a_payments_life() throws Exception {
        Merchant m = newMerchant();
        Merchant other = newMerchant();
        String theirs = post("/api/v1/payments", other.token(), cardPayment(900, "USD", "manual", VISA)).json().getString("id");
        Path work = fresh(CLIENTS.resolve("soap"));
        Files.createDirectories(work.resolve("generated"));
        Path secret = work.resolve("secret.txt");
        Files.writeString(secret, "xxe-marker-7f3a");
        String runtime = jaxwsRuntime();

        run(List.of(JAVA, "-cp", runtime, "com.sun.tools.ws.WsImport", "-quiet", "-keep", "-Xnocompile",
                "-XadditionalHeaders", "-s", work.resolve("generated").toString(), "-d", work.resolve("generated").toString(),
                "-p", "io.tillpoint.client.soap", "-b", SOURCES.resolve("soap/bindings.xml").toString(),
                BASE + "/soap/payments?wsdl"), work);
        Path classes = compile(work.resolve("generated"), SOURCES.resolve("soap/SoapLifecycle.java"), runtime,
                work.resolve("classes"));
        String output = run(List.of(JAVA, "-cp", classes + java.io.File.pathSeparator + runtime, "SoapLifecycle", BASE,
                m.clientId(), m.clientSecret(), theirs, secret.toAbsolutePath().toString()), work);
        Map<String, String> saw = lines(output);

        assertThat(saw).containsEntry("create.status", "authorized").containsEntry("create.last4", "4242")
                .containsEntry("replay.same_id", "true").containsEntry("replay.same_created_at", "true")
                .containsEntry("reused_key", "422 idempotency_key_reused -")
                .containsEntry("capture.status", "captured").containsEntry("capture.amount_captured", "4000")
                .containsEntry("refund.1000.status", "succeeded").containsEntry("refund.1500.status", "succeeded")
                .containsEntry("refund.too_much", "400 amount_too_large amount")
                .containsEntry("refunds.count", "2").containsEntry("get.status", "partially_refunded")
                .containsEntry("get.amount_refunded", "2500")
                .containsEntry("void.status", "voided")
                .containsEntry("list.count", "2").containsEntry("list.has_more", "false")
                .containsEntry("other_merchant", "404 resource_missing -")
                .containsEntry("invalid_card", "400 invalid_number payment_method.card.number")
                .containsEntry("username_token.status", "partially_refunded")
                .containsEntry("username_token.other_merchant", "404 resource_missing -")
                .containsEntry("xxe.http", "500 dtd_not_allowed").containsEntry("xxe.http.leaked", "false")
                .containsEntry("xxe.as_text.reference_kept", "true");
        assertThat(saw.get("xxe.dispatch")).as("the client's runtime does not send a DTD").startsWith("not sent");
        assertThat(saw.get("wrong_token")).as(output).isIn("401 unauthorized -", "transport 401");
        assertThat(saw.get("username_token.wrong_secret")).as(output).isIn("401 invalid_client -", "transport 401");
        assertThat(output).doesNotContain("xxe-marker-7f3a");
        assertThat(get("/api/v1/payments?limit=100", m.token()).json().getJsonArray("data")).as("the XXE payload made no payment")
                .hasSize(3);
    }

    /**
     * The server's JAX-WS runtime and tools (Metro): what Payara's bin/wsimport puts on its class
     * path, and what a client's Metro needs besides (its WS-Security tube loads Apache XML Security
     * even when no policy asks for it).
     */
    static String jaxwsRuntime() {
        Path modules = Path.of(System.getProperty("payara.home"), "glassfish", "modules");
        List<String> jars = new ArrayList<>();
        for (String jar : new String[] {"webservices-osgi.jar", "jaxb-osgi.jar", "jakarta.xml.bind-api.jar",
                "jakarta.xml.ws-api.jar", "jakarta.jws-api.jar", "webservices-api-osgi.jar", "jakarta.activation-api.jar",
                "angus-activation.jar", "jakarta.annotation-api.jar", "management-api.jar", "gmbal.jar", "ha-api.jar",
                "metro-xmlsec-repackaged.jar"}) {
            Path path = modules.resolve(jar);
            assertThat(path).as("Payara's " + jar).exists();
            jars.add(path.toString());
        }
        return String.join(java.io.File.pathSeparator, jars);
    }

    static String jars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return String.join(java.io.File.pathSeparator, files.filter(f -> f.toString().endsWith(".jar"))
                    .map(Path::toString).sorted().toList());
        }
    }

    static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** Compiles the generated sources and the merchant's program into {@code out}. */
    static Path compile(Path generated, Path program, String classpath, Path out) throws IOException {
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("-nowarn", "-proc:none", "-encoding", "UTF-8", "-cp", classpath,
                "-d", out.toString(), program.toString()));
        try (Stream<Path> sources = Files.walk(generated)) {
            sources.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int exit = javac.run(null, null, errors, args.toArray(String[]::new));
        assertThat(exit).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        return out;
    }

    /** Runs {@code command} in {@code dir}; its output, after it exited 0 within three minutes. */
    static String run(List<String> command, Path dir) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        String output = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(command.get(command.size() > 3 ? 3 : 0) + " failed:\n" + output).isZero();
        return output;
    }

    static Map<String, String> lines(String output) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^([a-z_0-9.]+)=(.*)$").matcher(output);
        while (m.find()) {
            values.put(m.group(1), m.group(2).strip());
        }
        return values;
    }

    /** {@code verb path operationId} of every operation of the committed YAML (two-space indents, as written). */
    static Set<String> operationsIn(String yaml) {
        Set<String> operations = new TreeSet<>();
        String path = null;
        String verb = null;
        for (String line : yaml.split("\n")) {
            if (line.equals("components:")) {
                break;
            }
            Matcher p = Pattern.compile("^  (/\\S*):$").matcher(line);
            Matcher v = Pattern.compile("^    (get|post|put|delete|patch):$").matcher(line);
            Matcher id = Pattern.compile("^      operationId: (\\S+)$").matcher(line);
            if (p.find()) {
                path = p.group(1);
            } else if (v.find()) {
                verb = v.group(1);
            } else if (id.find()) {
                operations.add(verb + " " + path + " " + id.group(1));
            }
        }
        return operations;
    }

    static Set<String> schemasIn(String yaml) {
        String schemas = yaml.substring(yaml.indexOf("\n  schemas:\n"));
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^    ([A-Za-z0-9]+):$").matcher(schemas);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
