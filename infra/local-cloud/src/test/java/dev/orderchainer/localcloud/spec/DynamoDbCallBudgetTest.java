package dev.orderchainer.localcloud.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.localcloud.HttpRoute;
import dev.orderchainer.localcloud.LocalCloud;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation's typical successful request makes exactly the DynamoDB calls its cases class budgets,
 * counted by an SDK interceptor on the function's own invocations (the stream's functions run apart).
 */
class DynamoDbCallBudgetTest {
    @Test
    void everyOperationMakesTheCallsItsCasesBudget() throws Exception {
        OpenApiDescription description = OpenApiDescription.load();
        List<String> problems = new ArrayList<>();
        List<String> overBudget = new ArrayList<>();
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()))) {
            SpecFixtures fixtures = new SpecFixtures(cloud);
            int source = 1;
            for (Map.Entry<String, OperationCases> entry : OperationCases.byOperationId().entrySet()) {
                OpenApiDescription.Operation operation = description.operation(entry.getKey());
                String function = cloud.httpRoutes().stream()
                        .filter(route -> route.routeKey().equals(operation.method() + " " + operation.path()))
                        .map(HttpRoute::function).findFirst().orElseThrow().name();
                // Each operation from its own address, so no rate limit carries over from another.
                SpecApi api = new SpecApi(description, cloud, "127.0.1." + source++, new HashSet<>(), problems);
                OperationCases.Budgeted budget = entry.getValue().budgeted(api, fixtures);
                DynamoDbCalls.reset();
                SpecApi.Answer answer = api.send(operation.id(), budget.url(), budget.token(),
                        budget.body() == null ? null : "application/json", budget.body());
                List<String> calls = DynamoDbCalls.of(function);
                if (answer.status() / 100 != 2) {
                    overBudget.add(operation + ": the budgeted request answered " + answer.status() + " " + answer.body());
                } else if (!calls.equals(budget.dynamoDbCalls())) {
                    overBudget.add(operation + ": budget " + budget.dynamoDbCalls() + ", made " + calls);
                }
            }
        }
        assertEquals(List.of(), overBudget);
        assertEquals(List.of(), problems, "answers that do not fit the description");
    }
}
