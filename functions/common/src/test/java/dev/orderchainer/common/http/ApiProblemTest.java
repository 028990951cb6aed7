package dev.orderchainer.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiProblemTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Field 'webhook_url' is not a Discord webhook URL: no id | webhook_url",
        "Field 'dependencies[2]' must not be null | dependencies[2]",
        "Field 'notifications.order_created' must be a boolean | notifications.order_created",
    })
    void aBadRequestAboutAFieldNamesIt(String detail, String field) {
        ApiProblem problem = ApiProblem.badRequest(detail);
        assertEquals(field, problem.extensions().get("field"));
        assertEquals(detail, problem.detail());
    }

    @Test
    void aBadRequestAboutTheWholeBodyNamesNoField() {
        assertFalse(ApiProblem.badRequest("A JSON request body is required").extensions().containsKey("field"));
        assertFalse(ApiProblem.badRequest("Unknown field 'owner'").extensions().containsKey("field"));
    }
}
