package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, point 6: the OpenAPI document the server publishes at /openapi
 * (META-INF/openapi.yaml of this WAR; annotation scanning is off) is valid OpenAPI 3, and it says
 * what the code does: every JAX-RS resource method of the API is in it with its HTTP method, and
 * nothing is in it that no resource answers.
 */
class OpenApiDocumentTest {

    private static OpenAPI api;

    @BeforeAll
    static void parse() throws IOException {
        String yaml;
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            assertThat(in).as("META-INF/openapi.yaml").isNotNull();
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(yaml, null, options);
        assertThat(result.getMessages()).as("what the parser found wrong").isEmpty();
        api = result.getOpenAPI();
        assertThat(api).isNotNull();
    }

    @Test
    void the_json_form_says_exactly_what_the_yaml_says() throws IOException {
        com.fasterxml.jackson.databind.JsonNode fromYaml;
        com.fasterxml.jackson.databind.JsonNode json;
        try (InputStream y = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/openapi.yaml");
                InputStream j = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/openapi.json")) {
            assertThat(j).as("META-INF/openapi.json").isNotNull();
            fromYaml = io.swagger.v3.core.util.Yaml.mapper().readTree(y);
            json = io.swagger.v3.core.util.Json.mapper().readTree(j);
        }
        if (!fromYaml.equals(json)) {
            java.nio.file.Path fresh = java.nio.file.Path.of("target", "openapi.json");
            Files.writeString(fresh, io.swagger.v3.core.util.Json.pretty(fromYaml) + "\n");
            assertThat(json).as("openapi.json differs from openapi.yaml: copy " + fresh.toAbsolutePath()
                    + " to src/main/resources/META-INF/openapi.json").isEqualTo(fromYaml);
        }
    }

    @Test
    void it_is_openapi_3_with_the_title_version_and_the_client_credentials_scheme() {
        assertThat(api.getOpenapi()).startsWith("3.");
        assertThat(api.getInfo().getTitle()).isEqualTo("Tillpoint merchant API");
        assertThat(api.getInfo().getVersion()).isNotBlank();
        assertThat(api.getServers()).extracting(s -> s.getUrl()).containsExactly("/api/v1");
        SecurityScheme oauth = api.getComponents().getSecuritySchemes().get("oauth2");
        assertThat(oauth.getType()).isEqualTo(SecurityScheme.Type.OAUTH2);
        assertThat(oauth.getFlows().getClientCredentials().getTokenUrl()).isEqualTo("/api/v1/oauth/token");
        assertThat(oauth.getFlows().getClientCredentials().getScopes()).containsOnlyKeys("merchant", "platform-admin");
        assertThat(api.getSecurity()).singleElement().satisfies(r -> assertThat(r.get("oauth2")).containsExactly("merchant"));
        forEachOperation((name, operation) -> {
            if (name.contains(" /admin/")) {
                assertThat(operation.getSecurity()).as(name).singleElement()
                        .satisfies(r -> assertThat(r.get("oauth2")).containsExactly("platform-admin"));
            }
        });
        assertThat(api.getPaths().get("/oauth/token").getPost().getSecurity()).as("the token endpoint takes no token")
                .isEmpty();
    }

    @Test
    void every_resource_method_is_in_the_document_and_every_operation_is_a_resource_method() throws Exception {
        Set<String> inCode = new TreeSet<>();
        for (Class<?> resource : resourceClasses()) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verbOf(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    inCode.add(verb + " " + normalised(base + (sub == null ? "" : "/" + sub.value())));
                }
            }
        }
        assertThat(inCode).as("the resource methods found").hasSizeGreaterThan(40)
                .contains("POST /payments", "GET /payments/{}", "POST /payments/{}/refunds", "POST /oauth/token");
        Set<String> inDocument = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((verb, operation) -> inDocument.add(verb.name() + " " + normalised(path))));
        assertThat(inDocument).as("the document's operations").containsExactlyInAnyOrderElementsOf(inCode);
    }

    @Test
    void every_operation_has_an_id_a_success_and_problem_json_errors() {
        Set<String> ids = new TreeSet<>();
        forEachOperation((name, operation) -> {
            assertThat(operation.getOperationId()).as(name).isNotBlank();
            assertThat(ids.add(operation.getOperationId())).as("unique id of " + name).isTrue();
            assertThat(operation.getResponses().keySet()).as(name).anyMatch(code -> code.startsWith("2"));
            List<String> errors = new ArrayList<>();
            operation.getResponses().forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    errors.add(code);
                    assertThat(response.getContent()).as(name + " " + code).containsOnlyKeys("application/problem+json");
                    assertThat(response.getContent().get("application/problem+json").getSchema().getRequired())
                            .as(name + " " + code).contains("status", "code", "detail");
                }
            });
            assertThat(errors).as(name + " answers 401 without a token")
                    .contains(name.endsWith("/oauth/token") ? "400" : "401");
        });
    }

    @Test
    void every_post_takes_the_idempotency_key_and_says_it_replays() {
        forEachOperation((name, operation) -> {
            if (!name.startsWith("POST ") || name.endsWith("/oauth/token")) {
                return;
            }
            assertThat(operation.getParameters()).as(name).extracting(Parameter::getName).contains("Idempotency-Key");
            Parameter key = operation.getParameters().stream().filter(p -> "Idempotency-Key".equals(p.getName()))
                    .findFirst().orElseThrow();
            assertThat(key.getIn()).isEqualTo("header");
            assertThat(key.getSchema().getMaxLength()).isEqualTo(255);
        });
        ApiResponse created = api.getPaths().get("/payments").getPost().getResponses().get("201");
        assertThat(created.getHeaders()).containsKey("Idempotent-Replayed");
        assertThat(api.getPaths().get("/payments").getPost().getResponses()).containsKeys("409", "422");
    }

    @Test
    void the_payment_request_carries_the_contracts_limits() {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Schema<?> create = schemas.get("CreatePayment");
        assertThat(create.getRequired()).containsExactlyInAnyOrder("amount", "currency", "payment_method");
        Schema<?> amount = schemas.get("Amount");
        assertThat(amount.getFormat()).isEqualTo("int64");
        assertThat(amount.getMinimum()).isEqualByComparingTo("1");
        assertThat(amount.getMaximum()).isEqualByComparingTo("1000000000000");
        assertThat(schemas.get("Currency").getPattern()).isEqualTo("^[A-Z]{3}$");
        assertThat(property(create, "reference").getMaxLength()).isEqualTo(255);
        assertThat(property(create, "description").getMaxLength()).isEqualTo(1000);
        assertThat(schemas.get("Metadata").getMaxProperties()).isEqualTo(50);
        assertThat(schemas.get("CaptureMode").getEnum()).containsExactly("automatic", "manual");
        assertThat(schemas.get("PaymentStatus").getEnum()).containsExactlyInAnyOrder("processing", "requires_action",
                "authorized", "captured", "partially_refunded", "refunded", "voided", "declined", "in_review");
        assertThat(schemas.get("DeclineCode").getEnum()).contains("card_declined", "insufficient_funds", "expired_card",
                "incorrect_cvc", "processing_error", "risk_blocked", "invalid_account");
        assertThat(property(schemas.get("Customer"), "email").getFormat()).isEqualTo("email");
        Parameter limit = api.getComponents().getParameters().get("Limit");
        assertThat(limit.getSchema().getMinimum()).isEqualByComparingTo("1");
        assertThat(limit.getSchema().getMaximum()).isEqualByComparingTo("100");
        assertThat(api.getPaths().get("/payments").getPost().getRequestBody().getContent().get("application/json")
                .getExample()).as("an example request").isNotNull();
    }

    private static Schema<?> property(Schema<?> schema, String name) {
        return (Schema<?>) schema.getProperties().get(name);
    }

    private static void forEachOperation(java.util.function.BiConsumer<String, Operation> check) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((verb, operation) -> check.accept(verb.name() + " " + path, operation)));
    }

    private static String verbOf(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return PathItem.HttpMethod.GET.name();
        }
        if (method.isAnnotationPresent(POST.class)) {
            return PathItem.HttpMethod.POST.name();
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return PathItem.HttpMethod.DELETE.name();
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return PathItem.HttpMethod.PUT.name();
        }
        return null;
    }

    /** {@code /a/{id: regex}/} as {@code /a/{}}: parameter names and regexes do not matter. */
    static String normalised(String path) {
        String p = ("/" + path).replaceAll("/+", "/").replaceAll("\\{[^}]*}", "{}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** Every class with {@code @Path} in the API's REST package, as compiled. */
    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path root = java.nio.file.Path.of(TillpointApi.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        java.nio.file.Path dir = root.resolve(TillpointApi.class.getPackageName().replace('.', '/'));
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.list(dir)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String simple = file.getFileName().toString().replace(".class", "");
                Class<?> c = Class.forName(TillpointApi.class.getPackageName() + "." + simple, false,
                        OpenApiDocumentTest.class.getClassLoader());
                if (c.isAnnotationPresent(Path.class)) {
                    found.add(c);
                }
            }
        }
        return found;
    }
}
