package dev.orderchainer.localcloud.spec;

import java.util.List;

class ListOrdersCases implements OperationCases {
    @Override
    public String operationId() {
        return "listOrders";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/orders", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        String user = fixtures.tokenWithoutAccount();
        fixtures.order(api, user, "{\"title\":\"Listed\"}");
        for (String query : List.of("", "?limit=5", "?view=ready", "?status=pending", "?limit=0")) {
            api.json(operationId(), "/api/orders" + query, user, null);
        }
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        String user = fixtures.tokenWithoutAccount();
        fixtures.order(api, user, "{\"title\":\"Budget\"}");
        // The session check, one page (+ BatchGetItem for the page's dependencies).
        return new Budgeted("/api/orders", user, null, List.of("GetItem", "Query"));
    }
}
