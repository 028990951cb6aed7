package dev.orderchainer.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.table.AppUrlItem;
import dev.orderchainer.local.LocalServices;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Links into the web app: {app_url} read from the table's AppUrl item over the wire, only when a link is made, then cached. */
class AppLinkTest {
    private static final LocalServices LOCAL = LocalServices.shared();
    private final Env env = new Env(LOCAL.environmentOf("HealthFunction"));
    private final AtomicInteger clientsBuilt = new AtomicInteger();
    private final AtomicInteger getItems = new AtomicInteger();
    private final AppUrlItem item = new AppUrlItem(LOCAL.dynamoDb(), env.required("TABLE_NAME"));

    @AfterEach
    void removeTheItem() {
        item.delete();
    }

    /** The function's client as a function builds it, counting the GetItem calls it makes. */
    private DynamoDbClient client() {
        clientsBuilt.incrementAndGet();
        return new AwsClients(env, new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if ("GetItem".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                    getItems.incrementAndGet();
                }
            }
        }).dynamoDb();
    }

    @Test
    void theAppUrlIsReadWhenTheFirstLinkIsMadeAndOnceForMany() {
        item.write("https://d111111abcdef8.cloudfront.net");
        AppLink link = AppLink.of("{app_url}/orders/{id}", env, this::client);
        assertEquals(0, clientsBuilt.get() + getItems.get(), "nothing is built or read at start");
        assertEquals("https://d111111abcdef8.cloudfront.net/orders/{id}", link.resolved());
        assertEquals("https://d111111abcdef8.cloudfront.net/orders/{id}", link.resolved());
        assertEquals(1, getItems.get(), "one read for many links");
    }

    @Test
    void aTrailingSlashOfTheAppUrlIsDropped() {
        item.write("https://orders.example.com/");
        assertEquals("https://orders.example.com/verify-email?token=", AppLink.of("{app_url}/verify-email?token=", env, this::client).resolved());
    }

    @Test
    void aLinkWithoutTheAppUrlNeedsNoTable() {
        AppLink link = AppLink.of("http://127.0.0.1:3000/orders/{id}", new Env(Map.of()), this::client);
        assertEquals("http://127.0.0.1:3000/orders/{id}", link.resolved());
        assertEquals("", AppLink.of(null, new Env(Map.of()), this::client).resolved());
        assertEquals(0, clientsBuilt.get());
    }

    @Test
    void aLinkNamingTheAppUrlWithoutATableIsAConfigurationError() {
        assertThrows(ConfigurationException.class, () -> AppLink.of("{app_url}/orders/{id}", new Env(Map.of()), this::client));
        assertThrows(ConfigurationException.class, () -> AppLink.fixed("{app_url}/x").resolved());
    }

    @Test
    void aTableWithoutTheItemNamesTheResourceThatWritesIt() {
        item.delete();
        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> AppLink.of("{app_url}/orders/{id}", env, this::client).resolved());
        assertTrue(missing.getMessage().contains("AppUrl resource"), missing.getMessage());
    }
}
