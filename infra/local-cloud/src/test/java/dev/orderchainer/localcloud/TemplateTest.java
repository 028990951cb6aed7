package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.local.template.CloudFormationYaml;
import dev.orderchainer.local.template.FunctionDefinition;
import dev.orderchainer.local.template.FunctionDefinition.EventSource;
import dev.orderchainer.local.template.SamTemplate;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** template.yaml is deployable as written: handlers exist, routes resolve, policies are least privilege. */
class TemplateTest {
    private static final Path ROOT = ProjectFiles.root();
    private static final SamTemplate TEMPLATE = SamTemplate.load(ProjectFiles.template());
    private static final Map<String, Object> RAW = CloudFormationYaml.load(ProjectFiles.template());
    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)(\\.[A-Za-z]+)?}");

    @Test
    void everyHandlerClassExistsAndImplementsTheRightInterface() throws Exception {
        assertFalse(TEMPLATE.functions().isEmpty());
        for (FunctionDefinition function : TEMPLATE.functions()) {
            Class<?> type = Class.forName(function.handlerClass());
            assertEquals("handleRequest", function.handlerMethod(), function.logicalId());
            assertTrue(Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers()), function.logicalId());
            assertNotNull(type.getConstructor(), function.logicalId() + " needs the public no-arg constructor Lambda calls");
            assertNotNull(type.getConstructor(Map.class), function.logicalId() + " needs the Map constructor the local cloud calls");
            if (!function.eventsOfType("HttpApi").isEmpty()) {
                assertTrue(RequestStreamHandler.class.isAssignableFrom(type),
                        function.logicalId() + ": HTTP API functions are RequestStreamHandlers (our v2 codec)");
            } else {
                assertTrue(RequestHandler.class.isAssignableFrom(type) || RequestStreamHandler.class.isAssignableFrom(type),
                        function.logicalId());
            }
        }
    }

    @Test
    void everyRouteIsUniqueAndBelongsToTheHttpApi() {
        Set<String> routeKeys = new HashSet<>();
        for (FunctionDefinition function : TEMPLATE.functions()) {
            for (EventSource event : function.eventsOfType("HttpApi")) {
                assertEquals(Map.of("Ref", "HttpApi"), event.properties().get("ApiId"), function.logicalId());
                assertEquals("AWS::Serverless::HttpApi", TEMPLATE.resources().get("HttpApi").type());
                String path = String.valueOf(event.properties().get("Path"));
                String method = String.valueOf(event.properties().get("Method"));
                assertTrue(path.startsWith("/api/"), path);
                assertFalse(path.endsWith("/"), "HTTP API route paths cannot end in '/': " + path);
                assertTrue(Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method), method);
                assertTrue(routeKeys.add(method + " " + path), "duplicate route " + method + " " + path);
            }
        }
        assertTrue(routeKeys.contains("GET /api/health"));
    }

    @Test
    void everyFunctionPackageIsAModuleOfOurs() {
        for (FunctionDefinition function : TEMPLATE.functions()) {
            Matcher matcher = Pattern.compile("functions/([a-z-]+)/target/([a-z-]+)\\.zip").matcher(function.codeUri());
            assertTrue(matcher.matches(), function.logicalId() + " CodeUri " + function.codeUri());
            Path module = ROOT.resolve("functions").resolve(matcher.group(1));
            assertTrue(Files.isRegularFile(module.resolve("pom.xml")), module + " is a Maven module");
        }
    }

    @Test
    void policiesNameOnlyResourcesTheFunctionUsesWithExplicitActions() {
        for (FunctionDefinition function : TEMPLATE.functions()) {
            Set<String> known = referencedLogicalIds(function.environment());
            // The key set endpoint answers from its configuration alone (the SigningKeys resource's attribute).
            assertEquals(function.logicalId().equals("JwksFunction"), function.policies().isEmpty(), function.logicalId() + " policies");
            for (Object policy : function.policies()) {
                // A managed policy of this template (one place for a grant many functions share) is checked like an inline one.
                if (policy instanceof Map<?, ?> ref && ref.size() == 1 && ref.get("Ref") instanceof String id
                        && TEMPLATE.resources().containsKey(id) && TEMPLATE.resources().get(id).type().equals("AWS::IAM::ManagedPolicy")) {
                    policy = TEMPLATE.resources().get(id).properties().get("PolicyDocument");
                }
                assertTrue(policy instanceof Map<?, ?> doc && doc.containsKey("Statement"),
                        function.logicalId() + ": policies are explicit statements, not broad managed policies: " + policy);
                for (Object statement : (List<?>) ((Map<?, ?>) policy).get("Statement")) {
                    Map<?, ?> s = (Map<?, ?>) statement;
                    assertEquals("Allow", s.get("Effect"));
                    for (Object action : asList(s.get("Action"))) {
                        assertFalse(String.valueOf(action).contains("*"), function.logicalId() + " wildcard action " + action);
                    }
                    for (Object resource : asList(s.get("Resource"))) {
                        assertFalse("*".equals(resource), function.logicalId() + " grants on every resource");
                        Set<String> named = referencedLogicalIds(resource);
                        assertFalse(named.isEmpty(), function.logicalId() + " names a resource by literal ARN: " + resource);
                        for (String id : named) {
                            assertTrue(TEMPLATE.resources().containsKey(id), id + " is not in the template");
                            assertTrue(known.contains(id), function.logicalId() + " may act on " + id
                                    + " but its environment does not name it, so its code cannot be using it");
                        }
                    }
                }
            }
        }
    }

    @Test
    void globalsDeployJava21OnArmWithSnapStart() {
        Map<?, ?> globals = (Map<?, ?>) ((Map<?, ?>) RAW.get("Globals")).get("Function");
        assertEquals("java21", globals.get("Runtime"));
        assertEquals(List.of("arm64"), globals.get("Architectures"));
        assertEquals(Map.of("ApplyOn", "PublishedVersions"), globals.get("SnapStart"));
        assertEquals("live", globals.get("AutoPublishAlias"));
        assertTrue(((Number) globals.get("Timeout")).intValue() <= 30, "API Gateway waits 30 s at most");
    }

    @Test
    void everyFunctionHasALogGroupWithRetention() {
        for (FunctionDefinition function : TEMPLATE.functions()) {
            boolean hasLogGroup = TEMPLATE.resourcesOfType("AWS::Logs::LogGroup").stream().anyMatch(r ->
                    Map.of("Fn::Sub", "/aws/lambda/${" + function.logicalId() + "}").equals(r.properties().get("LogGroupName"))
                            && r.properties().get("RetentionInDays") != null);
            assertTrue(hasLogGroup, function.logicalId() + " needs a log group with retention");
        }
    }

    @Test
    void theTableIsRecoverableEncryptedExpiringAndStreamed() {
        Map<String, Object> table = TEMPLATE.resources().get("AppTable").properties();
        assertEquals(Map.of("PointInTimeRecoveryEnabled", true), table.get("PointInTimeRecoverySpecification"));
        assertEquals(Map.of("SSEEnabled", true), table.get("SSESpecification"));
        assertEquals(Map.of("AttributeName", "expires_at", "Enabled", true), table.get("TimeToLiveSpecification"));
        assertEquals(Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"), table.get("StreamSpecification"));
    }

    @Test
    void theApiIsThrottledAndItsUrlIsAnOutput() {
        Map<String, Object> api = TEMPLATE.resources().get("HttpApi").properties();
        Map<?, ?> throttling = (Map<?, ?>) api.get("DefaultRouteSettings");
        assertNotNull(throttling.get("ThrottlingRateLimit"));
        assertNotNull(throttling.get("ThrottlingBurstLimit"));
        assertTrue(TEMPLATE.outputs().containsKey("ApiUrl"));
    }

    // ---- the web app behind CloudFront ----

    private static Map<?, ?> map(Object value, String... path) {
        Object current = value;
        for (String key : path) {
            current = ((Map<?, ?>) current).get(key);
        }
        return (Map<?, ?>) current;
    }

    private static Map<?, ?> distribution() {
        return map(TEMPLATE.resources().get("WebDistribution").properties(), "DistributionConfig");
    }

    @Test
    void theAppBucketIsPrivateAndReadableOnlyByTheDistribution() {
        Map<String, Object> bucket = TEMPLATE.resources().get("WebBucket").properties();
        assertEquals(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                bucket.get("PublicAccessBlockConfiguration"));
        List<?> statements = (List<?>) map(TEMPLATE.resources().get("WebBucketPolicy").properties(), "PolicyDocument").get("Statement");
        List<?> allows = statements.stream().filter(st -> "Allow".equals(((Map<?, ?>) st).get("Effect"))).toList();
        assertEquals(1, allows.size(), "one Allow: " + allows);
        Map<?, ?> allow = (Map<?, ?>) allows.get(0);
        assertEquals(Map.of("Service", "cloudfront.amazonaws.com"), allow.get("Principal"));
        assertEquals("s3:GetObject", allow.get("Action"));
        assertEquals(Set.of("WebDistribution"), referencedLogicalIds(map(allow, "Condition", "StringEquals")),
                "only this distribution (AWS:SourceArn)");
        Map<?, ?> origin = (Map<?, ?>) ((List<?>) distribution().get("Origins")).stream()
                .filter(o -> "web".equals(((Map<?, ?>) o).get("Id"))).findFirst().orElseThrow();
        assertEquals(Set.of("WebOriginAccessControl"), referencedLogicalIds(origin.get("OriginAccessControlId")));
        assertEquals("always", map(TEMPLATE.resources().get("WebOriginAccessControl").properties(), "OriginAccessControlConfig")
                .get("SigningBehavior"));
    }

    @Test
    void theApiIsServedUncachedOnTheSameOriginWithTheViewersHeadersButNotHost() {
        List<?> behaviours = (List<?>) distribution().get("CacheBehaviors");
        Map<?, ?> api = (Map<?, ?>) behaviours.stream().filter(b -> "/api/*".equals(((Map<?, ?>) b).get("PathPattern"))).findFirst().orElseThrow();
        assertEquals("api", api.get("TargetOriginId"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"), Set.copyOf((List<?>) api.get("AllowedMethods")));
        assertEquals("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", api.get("CachePolicyId"), "Managed-CachingDisabled");
        assertEquals("b689b0a8-53d0-40ab-baf2-68738e2966ac", api.get("OriginRequestPolicyId"), "Managed-AllViewerExceptHostHeader");
        assertTrue(api.get("FunctionAssociations") == null, "the SPA rewrite never touches the API");
        assertFalse(distribution().containsKey("CustomErrorResponses"), "no distribution-wide error pages: API 404s stay JSON");
        Map<?, ?> origin = (Map<?, ?>) ((List<?>) distribution().get("Origins")).stream()
                .filter(o -> "api".equals(((Map<?, ?>) o).get("Id"))).findFirst().orElseThrow();
        assertEquals(Set.of("HttpApi"), referencedLogicalIds(origin.get("DomainName")));
        assertEquals("https-only", map(origin, "CustomOriginConfig").get("OriginProtocolPolicy"));
    }

    @Test
    void viewersAreMovedToHttpsAndGetTheSecurityHeaders() {
        Map<?, ?> defaults = map(distribution(), "DefaultCacheBehavior");
        assertEquals("redirect-to-https", defaults.get("ViewerProtocolPolicy"));
        assertEquals("https-only", ((Map<?, ?>) ((List<?>) distribution().get("CacheBehaviors")).get(0)).get("ViewerProtocolPolicy"));
        Map<?, ?> security = map(TEMPLATE.resources().get("WebResponseHeadersPolicy").properties(),
                "ResponseHeadersPolicyConfig", "SecurityHeadersConfig");
        String csp = String.valueOf(map(security, "ContentSecurityPolicy").get("ContentSecurityPolicy"));
        assertTrue(csp.startsWith("default-src 'self';") && csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'")
                && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
        assertTrue(((Number) map(security, "StrictTransportSecurity").get("AccessControlMaxAgeSec")).longValue() >= 31_536_000);
        assertNotNull(map(security, "ReferrerPolicy").get("ReferrerPolicy"));
        assertEquals("DENY", map(security, "FrameOptions").get("FrameOption"));
    }

    @Test
    void pagesAreRewrittenToTheAppAndFilesAreNot() throws Exception {
        Map<?, ?> association = (Map<?, ?>) ((List<?>) map(distribution(), "DefaultCacheBehavior").get("FunctionAssociations")).get(0);
        assertEquals("viewer-request", association.get("EventType"));
        String code = String.valueOf(TEMPLATE.resources().get("WebRoutesFunction").properties().get("FunctionCode"));
        // The function as CloudFront runs it (cloudfront-js-2.0 is ECMAScript 5.1 plus a few additions), in Node.
        String check = code + "\nconst uris = JSON.parse(process.argv[1]);"
                + "\nconsole.log(JSON.stringify(uris.map(u => handler({ request: { uri: u } }).uri)));";
        List<String> uris = List.of("/", "/orders", "/orders/01JDQ8X3ABCDEFGHJKMNPQRSTV", "/verify-email", "/settings/discord",
                "/assets/index-B-_UN1h-.js", "/assets/index-filCJtE-.css", "/favicon.ico", "/index.html");
        Process node = new ProcessBuilder("node", "-e", check, new ObjectMapper().writeValueAsString(uris))
                .redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, node.waitFor(), out);
        assertEquals("[\"/index.html\",\"/index.html\",\"/index.html\",\"/index.html\",\"/index.html\","
                + "\"/assets/index-B-_UN1h-.js\",\"/assets/index-filCJtE-.css\",\"/favicon.ico\",\"/index.html\"]", out);
    }

    @Test
    void onlyCloudFrontReachesTheApiAndItNamesTheViewer() {
        for (FunctionDefinition function : TEMPLATE.functions()) {
            assertEquals(Set.of("OriginSecretA", "OriginSecretB"), referencedLogicalIds(function.environment().get("ORIGIN_VERIFY_VALUES")),
                    function.logicalId() + " accepts both origin secrets");
            assertTrue(String.valueOf(function.environment().get("ORIGIN_VERIFY_VALUES")).contains("{{resolve:secretsmanager:"));
            assertEquals(Map.of("Ref", "OriginSecretRotation"), function.environment().get("ORIGIN_SECRET_ROTATION"),
                    function.logicalId() + ": a new rotation label makes the deploy re-read the secrets");
        }
        Map<?, ?> config = (Map<?, ?>) TEMPLATE.resources().get("WebDistribution").properties().get("DistributionConfig");
        Map<?, ?> api = ((List<?>) config.get("Origins")).stream().map(o -> (Map<?, ?>) o).filter(o -> "api".equals(o.get("Id")))
                .findFirst().orElseThrow();
        Map<?, ?> header = (Map<?, ?>) ((List<?>) api.get("OriginCustomHeaders")).get(0);
        assertEquals("X-Origin-Verify", header.get("HeaderName"));
        List<?> choice = (List<?>) ((Map<?, ?>) header.get("HeaderValue")).get("Fn::If");
        assertEquals("OriginSecretBInUse", choice.get(0));
        assertEquals(Set.of("OriginSecretB"), referencedLogicalIds(choice.get(1)));
        assertEquals(Set.of("OriginSecretA"), referencedLogicalIds(choice.get(2)));
        Map<?, ?> apiBehaviour = ((List<?>) config.get("CacheBehaviors")).stream().map(b -> (Map<?, ?>) b)
                .filter(b -> "/api/*".equals(b.get("PathPattern"))).findFirst().orElseThrow();
        // Managed-AllViewerExceptHostHeader: viewer headers but Host, and CloudFront's, CloudFront-Viewer-Address among them.
        assertEquals("b689b0a8-53d0-40ab-baf2-68738e2966ac", apiBehaviour.get("OriginRequestPolicyId"));
    }

    /**
     * The web app's address reaches the functions that make links through one table item the AppUrlItem resource
     * writes (a function naming the distribution would close a cycle), read with the client they have: no secret.
     */
    @Test
    void linksPointAtTheDistributionUnlessAppUrlIsGivenThroughATableItemNoFunctionReferences() {
        assertEquals("", TEMPLATE.parameterDefaults().get("AppUrl"));
        assertEquals("Custom::AppUrl", TEMPLATE.resources().get("AppUrlItem").type());
        Map<String, Object> resource = TEMPLATE.resources().get("AppUrlItem").properties();
        assertEquals(Map.of("Fn::GetAtt", List.of("AppUrlFunction", "Arn")), resource.get("ServiceToken"));
        assertEquals(Map.of("Ref", "AppTable"), resource.get("TableName"));
        List<?> choice = (List<?>) ((Map<?, ?>) resource.get("Url")).get("Fn::If");
        assertEquals("AppOnDistribution", choice.get(0));
        assertEquals(Set.of("WebDistribution"), referencedLogicalIds(choice.get(1)));
        assertEquals(Map.of("Ref", "AppUrl"), choice.get(2));
        Map<String, Object> stackPartitionOnly = Map.of("ForAllValues:StringEquals",
                Map.of("dynamodb:LeadingKeys", List.of(TableKeys.appUrl().get(TableKeys.PK).s())));
        int linking = 0;
        for (FunctionDefinition function : TEMPLATE.functions()) {
            for (String name : List.of("VERIFY_EMAIL_URL", "INVITATION_URL", "ORDER_URL_TEMPLATE")) {
                Object value = function.environment().get(name);
                if (value != null) {
                    linking++;
                    assertTrue(String.valueOf(value).startsWith("{app_url}/"), function.logicalId() + " " + name + ": " + value);
                    assertTrue(statements(function).stream().anyMatch(st -> asList(st.get("Action")).equals(List.of("dynamodb:GetItem"))
                            && stackPartitionOnly.equals(st.get("Condition"))), function.logicalId() + " may read the app's URL item");
                }
            }
            // Naming the distribution (or the resource that names it) closes HttpApi -> alias -> function -> distribution -> HttpApi.
            Set<String> referenced = referencedLogicalIds(TEMPLATE.resources().get(function.logicalId()).properties());
            assertFalse(referenced.contains("WebDistribution") || referenced.contains("AppUrlItem"), function.logicalId() + " " + referenced);
        }
        assertEquals(5, linking, "register, resend, invitations, the Discord sender and the webhook preview make links");
        FunctionDefinition writer = TEMPLATE.functions().stream().filter(f -> f.logicalId().equals("AppUrlFunction")).findFirst().orElseThrow();
        assertEquals(1, statements(writer).size());
        assertEquals(List.of("dynamodb:PutItem", "dynamodb:DeleteItem"), statements(writer).get(0).get("Action"));
        assertEquals(stackPartitionOnly, statements(writer).get(0).get("Condition"), "it writes the app's URL item and nothing else");
        assertTrue(TEMPLATE.outputs().keySet().containsAll(List.of("AppUrl", "WebBucketName", "WebDistributionId")));
    }

    private static List<Map<?, ?>> statements(FunctionDefinition function) {
        List<Map<?, ?>> statements = new ArrayList<>();
        for (Object policy : function.policies()) {
            if (policy instanceof Map<?, ?> doc && doc.get("Statement") instanceof List<?> list) {
                list.forEach(st -> statements.add((Map<?, ?>) st));
            }
        }
        return statements;
    }

    /**
     * Only the functions that sign access tokens (token, refresh) may read the signing keys secret; every function that
     * checks a bearer token gets the public keys from the SigningKeys resource in its configuration, and that resource's
     * function may read and write the secret and nothing else.
     */
    @Test
    void onlyTheTokenAndRefreshFunctionsReadTheSigningKeysEveryOtherVerifiesWithThePublishedPublicKeys() {
        Set<String> readers = new TreeSet<>();
        int verifying = 0;
        for (FunctionDefinition function : TEMPLATE.functions()) {
            Set<String> referenced = referencedLogicalIds(TEMPLATE.resources().get(function.logicalId()).properties());
            if (referenced.contains("SigningKeysSecret") || referenced.contains("SigningKeysReadPolicy")) {
                readers.add(function.logicalId());
            }
            Object publicKeys = function.environment().get("ACCESS_TOKEN_PUBLIC_KEYS");
            if (publicKeys != null) {
                verifying++;
                assertEquals(Map.of("Fn::GetAtt", List.of("SigningKeys", "PublicJwks")), publicKeys, function.logicalId());
            }
        }
        assertEquals(Set.of("RefreshFunction", "SigningKeysFunction", "TokenFunction"), readers);
        for (FunctionDefinition function : TEMPLATE.functions()) {
            assertEquals(readers.contains(function.logicalId()), String.valueOf(function.policies()).contains("secretsmanager:")
                    || String.valueOf(TEMPLATE.resources().get(function.logicalId()).properties()).contains("SigningKeysReadPolicy"),
                    function.logicalId() + ": no function but these may call Secrets Manager");
        }
        assertTrue(verifying >= 27, "every authenticated function and the key set endpoint: " + verifying);
        Map<String, Object> resource = TEMPLATE.resources().get("SigningKeys").properties();
        assertEquals(Map.of("Fn::GetAtt", List.of("SigningKeysFunction", "Arn")), resource.get("ServiceToken"));
        assertEquals(Map.of("Ref", "SigningKeysSecret"), resource.get("SecretId"));
        assertEquals(Map.of("Ref", "SigningKeyGeneration"), resource.get("Generation"));
        String policies = String.valueOf(TEMPLATE.functions().stream().filter(f -> f.logicalId().equals("SigningKeysFunction"))
                .findFirst().orElseThrow().policies());
        assertTrue(policies.contains("secretsmanager:PutSecretValue") && policies.contains("Ref=SigningKeysSecret")
                && !policies.contains("dynamodb:"), policies);
    }

    private static List<?> asList(Object value) {
        return value instanceof List<?> list ? list : List.of(value);
    }

    /** Logical ids a (possibly nested) template value refers to through Ref, GetAtt or Sub. */
    private static Set<String> referencedLogicalIds(Object node) {
        Set<String> ids = new HashSet<>();
        List<Object> stack = new ArrayList<>(List.of(node));
        while (!stack.isEmpty()) {
            Object current = stack.remove(stack.size() - 1);
            if (current instanceof Map<?, ?> map) {
                map.forEach((key, value) -> {
                    if ("Ref".equals(key)) {
                        ids.add(String.valueOf(value));
                    } else if ("Fn::GetAtt".equals(key)) {
                        ids.add(String.valueOf(((List<?>) value).get(0)));
                    } else if ("Fn::Sub".equals(key)) {
                        String text = value instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(value);
                        Matcher matcher = SUB_REFERENCE.matcher(text);
                        while (matcher.find()) {
                            ids.add(matcher.group(1));
                        }
                    }
                    stack.add(value);
                });
            } else if (current instanceof List<?> list) {
                stack.addAll(list);
            }
        }
        ids.removeIf(id -> id.startsWith("AWS::") || TEMPLATE.parameterDefaults().containsKey(id));
        return ids;
    }
}
