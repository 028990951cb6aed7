package dev.orderchainer.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Resolves CloudFormation intrinsic functions against parameters and the local resources. */
public final class Intrinsics {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");
    private final Map<String, Object> parameters;
    private final Map<String, Object> conditions;
    private final PhysicalResources resources;
    private final String region;
    private final String accountId;

    public Intrinsics(Map<String, Object> parameters, Map<String, Object> conditions, PhysicalResources resources,
            String region, String accountId) {
        this.parameters = parameters;
        this.conditions = conditions;
        this.resources = resources;
        this.region = region;
        this.accountId = accountId;
    }

    /** Resolves a value that must come out as a string (environment variables, names). */
    public String string(Object node) {
        Object value = resolve(node);
        if (value instanceof List || value instanceof Map) {
            throw new TemplateException("expected a string, got " + value);
        }
        return String.valueOf(value);
    }

    public Object resolve(Object node) {
        if (node instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> only = map.entrySet().iterator().next();
            String key = String.valueOf(only.getKey());
            Object argument = only.getValue();
            switch (key) {
                case "Ref":
                    return ref(string(argument));
                case "Fn::GetAtt":
                    return getAtt(argument);
                case "Fn::Sub":
                    return sub(argument);
                case "Fn::Join":
                    return join(argument);
                case "Fn::If": {
                    // Only the chosen branch is resolved: the other may name what exists only in AWS.
                    List<?> args = (List<?>) argument;
                    return resolve(condition(String.valueOf(args.get(0))) ? args.get(1) : args.get(2));
                }
                case "Fn::Select": {
                    List<?> args = (List<?>) argument;
                    List<?> list = (List<?>) resolve(args.get(1));
                    return list.get(Integer.parseInt(string(args.get(0))));
                }
                case "Fn::Split": {
                    List<?> args = (List<?>) argument;
                    return List.of(string(args.get(1)).split(Pattern.quote(string(args.get(0))), -1));
                }
                default:
                    if (key.startsWith("Fn::")) {
                        throw new TemplateException(key + " is not supported by the local cloud");
                    }
            }
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((k, v) -> resolved.put(String.valueOf(k), resolve(v)));
            return resolved;
        }
        if (node instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            list.forEach(v -> resolved.add(resolve(v)));
            return resolved;
        }
        return node;
    }

    /** A named condition of the template, evaluated against the parameters. */
    public boolean condition(String name) {
        Object definition = conditions.get(name);
        if (definition == null) {
            throw new TemplateException("condition " + name + " is not defined");
        }
        return truth(definition);
    }

    private boolean truth(Object node) {
        if (!(node instanceof Map<?, ?> map) || map.size() != 1) {
            throw new TemplateException("not a condition function: " + node);
        }
        Map.Entry<?, ?> only = map.entrySet().iterator().next();
        List<?> args = only.getValue() instanceof List<?> list ? list : List.of(only.getValue());
        switch (String.valueOf(only.getKey())) {
            case "Fn::Equals":
                return String.valueOf(resolve(args.get(0))).equals(String.valueOf(resolve(args.get(1))));
            case "Fn::Not":
                return !truth(args.get(0));
            case "Fn::And":
                return args.stream().allMatch(this::truth);
            case "Fn::Or":
                return args.stream().anyMatch(this::truth);
            case "Condition":
                return condition(String.valueOf(args.get(0)));
            default:
                throw new TemplateException(only.getKey() + " is not supported in conditions by the local cloud");
        }
    }

    private Object ref(String name) {
        switch (name) {
            case "AWS::Region":
                return region;
            case "AWS::AccountId":
                return accountId;
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::StackName":
                return "orderchainer-local";
            case "AWS::NoValue":
                return null;
            default:
                if (parameters.containsKey(name)) {
                    return parameters.get(name);
                }
                return resources.ref(name);
        }
    }

    private Object getAtt(Object argument) {
        List<?> parts = (List<?>) resolve(argument);
        return resources.attribute(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> args) {
            text = String.valueOf(args.get(0));
            @SuppressWarnings("unchecked")
            Map<String, Object> given = (Map<String, Object>) resolve(args.get(1));
            variables = given;
        } else {
            text = String.valueOf(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            Object value;
            if (variables.containsKey(name)) {
                value = variables.get(name);
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                value = resources.attribute(name.substring(0, dot), name.substring(dot + 1));
            } else {
                value = ref(name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        matcher.appendTail(out);
        return out.toString().replace("${!", "${");
    }

    private String join(Object argument) {
        List<?> args = (List<?>) argument;
        String delimiter = string(args.get(0));
        List<?> values = (List<?>) resolve(args.get(1));
        return values.stream().map(String::valueOf).collect(Collectors.joining(delimiter));
    }
}
