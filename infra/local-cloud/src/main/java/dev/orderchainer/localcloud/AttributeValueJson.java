package dev.orderchainer.localcloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB attribute values in the JSON shape Lambda's stream events carry ({"S": "..."} and so on). */
final class AttributeValueJson {
    private AttributeValueJson() {}

    static ObjectNode item(ObjectMapper json, Map<String, AttributeValue> item) {
        ObjectNode node = json.createObjectNode();
        item.forEach((name, value) -> node.set(name, value(json, value)));
        return node;
    }

    static ObjectNode value(ObjectMapper json, AttributeValue value) {
        ObjectNode node = json.createObjectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> {
                ArrayNode array = node.putArray("BS");
                value.bs().forEach(b -> array.add(Base64.getEncoder().encodeToString(b.asByteArray())));
            }
            case M -> node.set("M", item(json, value.m()));
            case L -> {
                ArrayNode array = node.putArray("L");
                value.l().forEach(v -> array.add(value(json, v)));
            }
            default -> throw new IllegalArgumentException("unsupported attribute type " + value.type());
        }
        return node;
    }
}
