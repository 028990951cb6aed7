package dev.orderchainer.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderchainer.local.LocalServices;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Priming before a SnapStart snapshot exercises the request path with reads only. */
class SnapStartPrimingTest {
    @Test
    void primingReadsButNeverWrites() throws Exception {
        LocalServices local = LocalServices.shared();
        for (var handler : List.of(new CreateOrderHandler(local.environmentOf("CreateOrderFunction")),
                new DeleteOrderHandler(local.environmentOf("DeleteOrderFunction")),
                new GetOrderGraphHandler(local.environmentOf("GetOrderGraphFunction")))) {
            DynamoDbCallCounter.reset();
            handler.snapStartPriming().beforeCheckpoint(null);
            assertEquals(List.of("GetItem", "BatchGetItem", "BatchGetItem", "GetItem"), DynamoDbCallCounter.calls(),
                    handler.getClass().getSimpleName() + ": the revocation check, a read with the session check, an order read");
        }
    }
}
