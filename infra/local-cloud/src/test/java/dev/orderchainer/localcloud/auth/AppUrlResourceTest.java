package dev.orderchainer.localcloud.auth;

import static dev.orderchainer.local.JsonText.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.common.table.AppUrlItem;
import dev.orderchainer.health.AppUrlResourceHandler;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.localcloud.LocalCloudFormation;
import dev.orderchainer.signup.RegisterHandler;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's Custom::AppUrl resource, invoked as CloudFormation invokes it, and the link the register function then
 * mails with the template's own {app_url} link: the address the stack wrote, read from the table.
 */
class AppUrlResourceTest {
    private static final LocalServices LOCAL = LocalServices.shared();
    private static final String TABLE = LOCAL.stack().resources().ref("AppTable");
    private final AppUrlItem item = new AppUrlItem(LOCAL.dynamoDb(), TABLE);
    private LocalCloudFormation cloudFormation;
    private AuthApi api;

    @BeforeEach
    void start(@TempDir Path mail) {
        cloudFormation = new LocalCloudFormation();
        api = new AuthApi(mail);
    }

    @AfterEach
    void stop() {
        cloudFormation.close();
        item.delete();
    }

    private JsonNode resource(String type, String table, String url) {
        ObjectNode event = cloudFormation.event("AppUrlFunction");
        event.put("RequestType", type);
        ((ObjectNode) event.path("ResourceProperties")).put("TableName", table).put("Url", url);
        return cloudFormation.invoke(new AppUrlResourceHandler(LOCAL.environmentOf("AppUrlFunction")), "AppUrlFunction", event);
    }

    /** A verification mail from the register function as the template configures its link. */
    private String verificationMail() {
        RegisterHandler register = new RegisterHandler(api.environment("RegisterFunction",
                Map.of("VERIFY_EMAIL_URL", String.valueOf(LOCAL.function("RegisterFunction").environment().get("VERIFY_EMAIL_URL")))));
        String name = "link" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@example.org";
        var registered = AuthApi.call(register, AuthApi.post("/api/auth/register",
                json("email", email, "username", name, "password", "violet kettle orbit mango"), "10.77.0." + (1 + (name.hashCode() & 0x7f))));
        assertEquals(201, registered.status(), registered.bodyText());
        return api.lastMailTo(email);
    }

    @Test
    void theMailedLinkIsTheAddressTheStackWroteAndFollowsItsUpdates() {
        assertEquals("{app_url}/verify-email?token=", LOCAL.function("RegisterFunction").environment().get("VERIFY_EMAIL_URL"));
        JsonNode created = resource("Create", TABLE, "https://d111111abcdef8.cloudfront.net");
        assertEquals("SUCCESS", created.path("Status").asText(), created.toString());
        assertEquals("app-url", created.path("PhysicalResourceId").asText());
        assertTrue(verificationMail().contains("https://d111111abcdef8.cloudfront.net/verify-email?token="));

        JsonNode updated = resource("Update", TABLE, "https://orders.example.com/");
        assertEquals("SUCCESS", updated.path("Status").asText(), updated.toString());
        assertTrue(verificationMail().contains("https://orders.example.com/verify-email?token="), "a function started after the update");

        assertEquals("SUCCESS", resource("Delete", TABLE, "https://orders.example.com").path("Status").asText());
        assertEquals(Optional.empty(), item.read());
    }

    @Test
    void anotherTableOrAnAddressLinksCannotBeMadeFromIsRefusedAndChangesNothing() {
        item.write("https://kept.example.com");
        JsonNode otherTable = resource("Update", "SomeoneElsesTable", "https://orders.example.com");
        assertEquals("FAILED", otherTable.path("Status").asText(), otherTable.toString());
        assertTrue(otherTable.path("Reason").asText().contains("TABLE_NAME"), otherTable.toString());
        for (String url : new String[] {"", "orders.example.com", "javascript:alert(1)", "https://orders.example.com/?a=1", "ftp://x.example.com"}) {
            JsonNode refused = resource("Update", TABLE, url);
            assertEquals("FAILED", refused.path("Status").asText(), url);
            assertTrue(refused.path("Reason").asText().contains("Url"), refused.toString());
        }
        assertEquals(Optional.of("https://kept.example.com"), item.read());
    }
}
