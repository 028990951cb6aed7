package dev.orderchainer.orders;

import static dev.orderchainer.local.JsonText.json;
import static dev.orderchainer.local.JsonText.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.local.ApiGatewayV2Event;
import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.local.LocalLambdaContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every order endpoint through its Lambda handler, configured by template.yaml, against DynamoDB Local. */
class OrdersEndpointsTest {
    private static final OrdersApi API = new OrdersApi();

    @Test
    void createGetUpdateAndDeleteAnOrder() {
        OrdersApi.User user = API.newUser();
        HttpInvocation.Response created = user.create("{\"title\":\"  Print catalogue \",\"description\":\"5,000 copies\"}");
        assertEquals(201, created.status(), created.bodyText());
        JsonNode order = created.json();
        String id = order.path("id").asText();
        assertEquals("/api/orders/" + id, created.header("location"));
        assertEquals("Print catalogue", order.path("title").asText());
        assertEquals("pending", order.path("status").asText());
        assertEquals(1, order.path("version").asInt());
        assertTrue(order.path("dependencies").isArray() && order.path("dependents").isArray() && order.path("blocked_by").isArray());

        JsonNode fetched = user.order(id);
        assertEquals(order, fetched);

        HttpInvocation.Response activated = user.update(id, "{\"status\":\"active\",\"title\":\"Print the catalogue\",\"version\":1}");
        assertEquals(200, activated.status(), activated.bodyText());
        assertEquals("active", activated.json().path("status").asText());
        assertEquals(2, activated.json().path("version").asInt());
        assertEquals("5,000 copies", activated.json().path("description").asText(), "absent fields are kept");

        HttpInvocation.Response stale = user.update(id, "{\"title\":\"x\",\"version\":1}");
        assertEquals(409, stale.status());
        assertEquals(2, stale.json().path("current_version").asInt());

        assertEquals(204, user.delete(id).status());
        assertEquals(404, user.get(id).status());
        assertEquals(404, user.delete(id).status());
    }

    @Test
    void dependenciesDependentsAndBlockersStayConsistent() {
        OrdersApi.User user = API.newUser();
        String paper = user.createId("{\"title\":\"Buy paper\"}");
        String ink = user.createId("{\"title\":\"Buy ink\"}");
        HttpInvocation.Response print = user.create(json("title", "Print", "dependencies", List.of(paper, ink)));
        assertEquals(201, print.status(), print.bodyText());
        String printId = print.json().path("id").asText();
        assertEquals(List.of(paper, ink), texts(print.json().path("blocked_by")));
        assertEquals(List.of(printId), texts(user.order(paper).path("dependents")));

        HttpInvocation.Response tooEarly = user.update(printId, "{\"status\":\"active\"}");
        assertEquals(409, tooEarly.status());
        assertEquals(Set.of(paper, ink), new HashSet<>(texts(tooEarly.json().path("blocked_by"))));
        assertTrue(tooEarly.json().path("detail").asText().contains("not completed"));

        for (String dependency : List.of(paper, ink)) {
            assertEquals(200, user.update(dependency, "{\"status\":\"active\"}").status());
            assertEquals(200, user.update(dependency, "{\"status\":\"completed\"}").status());
        }
        assertTrue(user.order(printId).path("blocked_by").isEmpty());
        assertEquals(200, user.update(printId, "{\"status\":\"active\"}").status());

        HttpInvocation.Response busy = user.delete(paper);
        assertEquals(409, busy.status());
        assertEquals(List.of(printId), texts(busy.json().path("dependents")));
        HttpInvocation.Response frozen = user.update(printId, "{\"dependencies\":[\"" + ink + "\"]}");
        assertEquals(409, frozen.status(), "dependencies change only while pending or failed");
        assertEquals(200, user.update(printId, "{\"status\":\"failed\"}").status());
        assertEquals(200, user.update(printId, "{\"dependencies\":[\"" + ink + "\"]}").status());
        assertTrue(user.order(paper).path("dependents").isEmpty());
        assertEquals(204, user.delete(paper).status());
    }

    @Test
    void cyclesAreRefusedNamingThePath() {
        OrdersApi.User user = API.newUser();
        String a = user.createId("{\"title\":\"A\"}");
        String b = user.createId("{\"title\":\"B\",\"dependencies\":[\"" + a + "\"]}");
        String c = user.createId("{\"title\":\"C\",\"dependencies\":[\"" + b + "\"]}");
        HttpInvocation.Response cycle = user.update(a, "{\"dependencies\":[\"" + c + "\"]}");
        assertEquals(409, cycle.status());
        assertEquals(List.of(a, c, b, a), texts(cycle.json().path("cycle")));
        assertTrue(cycle.json().path("detail").asText().contains(a + " -> " + c + " -> " + b + " -> " + a));
        assertTrue(user.order(a).path("dependencies").isEmpty(), "nothing was written");
        assertEquals(400, user.update(a, "{\"dependencies\":[\"" + a + "\"]}").status(), "not itself");
    }

    @Test
    void statusTransitionsFollowTheRules() {
        OrdersApi.User user = API.newUser();
        String id = user.createId("{\"title\":\"T\"}");
        HttpInvocation.Response skip = user.update(id, "{\"status\":\"completed\"}");
        assertEquals(409, skip.status());
        assertEquals(List.of("active", "failed"), texts(skip.json().path("allowed_statuses")));
        assertEquals(200, user.update(id, "{\"status\":\"active\"}").status());
        assertEquals(200, user.update(id, "{\"status\":\"completed\"}").status());
        HttpInvocation.Response finalState = user.update(id, "{\"status\":\"pending\"}");
        assertEquals(409, finalState.status());
        assertTrue(finalState.json().path("detail").asText().contains("completed is final"));
        assertEquals(400, user.update(id, "{\"status\":\"done\"}").status(), "unknown status");
    }

    @Test
    void badInputIs4xxAndStoresNothing() {
        OrdersApi.User user = API.newUser();
        String real = user.createId("{\"title\":\"Real\"}");
        String[][] cases = {
            {"{}", "400", "'title' is required"},
            {"{\"title\":\"   \"}", "400", "'title' must not be blank"},
            {"{\"title\":\"\\u200b\\u00a0\\ufeff\"}", "400", "'title' must not be blank"},
            {"{\"title\":\"a\\uffffb\"}", "400", "'title' contains the noncharacter U+FFFF"},
            {"{\"title\":\"x\\ud800y\"}", "400", "'title' contains a lone surrogate"},
            {"{\"title\":\"a\\nb\"}", "400", "'title' contains the control character U+000A"},
            {"{\"title\":\"t\",\"description\":\"a\\u0000b\"}", "400", "'description' contains the control character U+0000"},
            {json("title", "t", "description", "x".repeat(4001)), "400", "at most 4000"},
            {"{\"title\":\"t\",\"dependencies\":[\"a\\ufffe\"]}", "400", "'dependencies[0]' contains the noncharacter"},
            {json("title", "x".repeat(201)), "400", "at most 200"},
            {"{\"title\":\"t\",\"id\":\"01JDQ8X3V7M2K9P4R6T8W0Y2A4\"}", "400", "Unknown field 'id'"},
            {"{\"title\":\"t\",\"user_id\":\"someone\"}", "400", "Unknown field 'user_id'"},
            {"{\"title\":\"t\",\"version\":7}", "400", "Unknown field 'version'"},
            {json("title", "t", "dependencies", real), "400", "must be an array"},
            {json("title", "t", "dependencies", List.of(real, real)), "400", "must not repeat"},
            {"{\"title\":\"t\",\"dependencies\":[\"01JDQ8X3V7M2K9P4R6T8W0Y2A4\"]}", "404", "Dependencies not found"},
            {"{\"title\":\"t\",\"dependencies\":[\"../etc\"]}", "404", "Dependencies not found"},
            {"{\"title\":\"t\",\"status\":\"active\",\"dependencies\":[\"" + real + "\"]}", "409", "not completed"},
        };
        for (String[] c : cases) {
            HttpInvocation.Response response = user.create(c[0]);
            assertEquals(Integer.parseInt(c[1]), response.status(), c[0] + " -> " + response.bodyText());
            assertTrue(response.json().path("detail").asText().contains(c[2]), response.json().path("detail").asText());
        }
        StringBuilder fiftyOne = new StringBuilder("{\"title\":\"t\",\"dependencies\":[");
        for (int i = 0; i < 51; i++) {
            fiftyOne.append(i == 0 ? "" : ",").append("\"01JDQ8X3V7M2K9P4R6T8W0Y2").append((char) ('A' + i / 10)).append(i % 10).append('"');
        }
        assertTrue(user.create(fiftyOne.append("]}").toString()).json().path("detail").asText().contains("at most 50"));
        assertEquals(1, user.list("").json().path("items").size(), "only the one real order exists");
        assertTrue(user.order(real).path("dependents").isEmpty());
    }

    @Test
    void usersNeverReachEachOthersOrders() {
        OrdersApi.User owner = API.newUser();
        OrdersApi.User other = API.newUser();
        String id = owner.createId("{\"title\":\"Private\"}");
        assertEquals(404, other.get(id).status());
        assertEquals(404, other.update(id, "{\"title\":\"mine now\"}").status());
        assertEquals(404, other.delete(id).status());
        assertEquals(404, other.create("{\"title\":\"leech\",\"dependencies\":[\"" + id + "\"]}").status());
        assertEquals(0, other.list("").json().path("items").size());
        assertEquals("Private", owner.order(id).path("title").asText());
        assertTrue(owner.order(id).path("dependents").isEmpty());
    }

    @Test
    void listingFiltersByStatusAndPagesWithCursors() {
        OrdersApi.User user = API.newUser();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(user.createId(json("title", "O" + i)));
        }
        user.update(ids.get(1), "{\"status\":\"active\"}");
        user.update(ids.get(3), "{\"status\":\"active\"}");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpInvocation.Response page = user.list("?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.status(), page.bodyText());
            page.json().path("items").forEach(o -> seen.add(o.path("id").asText()));
            cursor = page.json().path("next_cursor").isNull() ? null : page.json().path("next_cursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        List<String> newestFirst = new ArrayList<>(ids);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen);

        JsonNode active = user.list("?status=active").json();
        List<String> activeIds = new ArrayList<>();
        active.path("items").forEach(o -> activeIds.add(o.path("id").asText()));
        assertEquals(List.of(ids.get(3), ids.get(1)), activeIds);

        assertEquals(400, user.list("?limit=0").status());
        assertEquals(400, user.list("?limit=101").status());
        assertEquals(400, user.list("?limit=ten").status());
        assertEquals(400, user.list("?status=done").status());
        assertEquals(400, user.list("?sort=title").status());
        assertEquals(400, user.list("?cursor=not-a-cursor").status());
        String otherUsersCursor = API.newUser().list("?limit=1").json().path("next_cursor").asText(null);
        String ownCursor = user.list("?limit=1").json().path("next_cursor").asText();
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(ownCursor)).replace(user.id, API.newUser().id).getBytes());
        assertEquals(400, user.list("?cursor=" + forged).status(), "a cursor into another user's partition");
        assertTrue(otherUsersCursor == null, "a user with no orders has no next page");
    }

    @Test
    void aStoredOrderThatCannotBeReadIsAServerErrorNotABadCursor() {
        OrdersApi.User user = API.newUser();
        String id = user.createId("{\"title\":\"A\"}");
        API.local.dynamoDb().updateItem(r -> r.tableName("AppTable").key(TableKeys.order(user.id, id)).updateExpression("REMOVE title"));
        HttpInvocation.Response listed = user.list("");
        assertEquals(500, listed.status(), listed.bodyText());
        assertFalse(listed.bodyText().contains("cursor"), listed.bodyText());
    }

    @Test
    void everyCraftedOrForeignCursorIsA400AndNeverReachesDynamoDb() {
        OrdersApi.User user = API.newUser();
        String first = user.createId("{\"title\":\"A\"}");
        user.createId("{\"title\":\"B\"}");
        String own = "USER#" + user.id;
        String[] crafted = {
            "{\"pk\":\"" + own + "\",\"sk\":null}",
            "{\"pk\":\"" + own + "\",\"sk\":\"ORDER#" + first + "\",\"extra\":\"x\"}",
            "{\"pk\":\"" + own + "\",\"sk\":\"ORDER#" + first + "\",\"gsi1pk\":\"ORDERS#" + user.id + "#pending\",\"gsi1sk\":\"\"}",
            "{\"pk\":\"" + own + "\",\"sk\":\"ORDER#" + first + "\"}",
            "1|" + user.id + "|all|" + first + "|more",
            "1|" + user.id + "|all|not-an-id",
            "2|" + user.id + "|all|" + first,
            "1|" + user.id + "|all|" + first.toLowerCase(),
            "",
        };
        for (String plain : crafted) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
            for (String filter : new String[] {"", "&status=pending", "&view=ready"}) {
                HttpInvocation.Response page = user.list("?limit=1&cursor=" + cursor + filter);
                if (cursor.isEmpty()) {
                    assertEquals(200, page.status(), "an empty cursor means the first page");
                    continue;
                }
                assertEquals(400, page.status(), plain + filter + " -> " + page.bodyText());
                assertTrue(page.json().path("detail").asText().startsWith("cursor is not valid"), page.bodyText());
            }
        }
        String allCursor = user.list("?limit=1").json().path("next_cursor").asText();
        assertEquals(400, user.list("?limit=1&status=pending&cursor=" + allCursor).status(), "a cursor of another filter");
        String pendingCursor = user.list("?limit=1&status=pending").json().path("next_cursor").asText();
        assertEquals(first, user.list("?limit=1&status=pending&cursor=" + pendingCursor).json().path("items").get(0).path("id").asText());
        assertEquals(200, user.list("?limit=1&view=ready&cursor=" + pendingCursor).status(), "views page through pending orders");
        assertEquals(400, user.list("?cursor=" + "A".repeat(300)).status(), "an overlong cursor");
    }

    @Test
    void everyEndpointNeedsAValidToken() {
        OrdersApi.User user = API.newUser();
        String id = user.createId("{\"title\":\"T\"}");
        var handler = new GetOrderHandler(API.local.environmentOf("GetOrderFunction"));
        HttpInvocation.Response anonymous = HttpInvocation.invoke(handler,
                ApiGatewayV2Event.request("GET", "/api/orders/" + id).pathParameter("id", id),
                new LocalLambdaContext("orders", 1024, 10));
        assertEquals(401, anonymous.status());
        assertFalse(anonymous.bodyText().contains("Print"));
    }

    @Test
    void aRevokedSessionReadsNothingNotEvenWhetherAnOrderExists() {
        OrdersApi.User user = API.newUser();
        String id = user.createId("{\"title\":\"Mine\"}");
        OrdersApi.User otherDevice = user.anotherSession();
        user.revokeSession();

        for (String orderId : List.of(id, "01JDQ8X3V7M2K9P4R6T8W0Y2A4")) {
            HttpInvocation.Response read = user.get(orderId);
            assertEquals(401, read.status(), read.bodyText());
            assertEquals("Bearer error=\"invalid_token\"", read.header("www-authenticate"));
        }
        assertEquals(200, otherDevice.get(id).status(), "the user's other session still reads it");
    }

    @Test
    void anIdNoOrderCanHaveIsNotFoundWithoutReachingTheTableAndARevokedSessionStillComesFirst() {
        OrdersApi.User user = API.newUser();
        String impossible = "x".repeat(1500);
        HttpInvocation.Response read = user.get(impossible);
        assertEquals(404, read.status(), read.bodyText());
        user.revokeSession();
        assertEquals(401, user.get(impossible).status());
    }
}
