package dev.orderchainer.local.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts of a SAM template the local cloud acts on: parameters, resources and functions with Globals applied. */
public final class SamTemplate {
    public static final String FUNCTION = "AWS::Serverless::Function";
    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    public static SamTemplate load(Path file) {
        return new SamTemplate(CloudFormationYaml.load(file));
    }

    /** Parameter defaults, the values the local cloud deploys with. */
    public Map<String, Object> parameterDefaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        section("Parameters").forEach((name, spec) -> {
            Object value = asMap(spec, "Parameters." + name).get("Default");
            if (value != null) {
                defaults.put(name, value);
            }
        });
        return defaults;
    }

    public String parameterType(String name) {
        Object spec = section("Parameters").get(name);
        return spec == null ? null : String.valueOf(asMap(spec, "Parameters." + name).get("Type"));
    }

    public Map<String, Resource> resources() {
        Map<String, Resource> resources = new LinkedHashMap<>();
        section("Resources").forEach((id, spec) -> {
            Map<String, Object> body = asMap(spec, "Resources." + id);
            Object properties = body.get("Properties");
            resources.put(id, new Resource(id, String.valueOf(body.get("Type")),
                    properties == null ? Map.of() : asMap(properties, id + ".Properties")));
        });
        return resources;
    }

    public List<Resource> resourcesOfType(String type) {
        return resources().values().stream().filter(r -> r.type().equals(type)).toList();
    }

    public List<FunctionDefinition> functions() {
        Map<String, Object> globals = asMap(section("Globals").getOrDefault("Function", Map.of()), "Globals.Function");
        List<FunctionDefinition> functions = new ArrayList<>();
        for (Resource resource : resourcesOfType(FUNCTION)) {
            functions.add(FunctionDefinition.of(resource.logicalId(), globals, resource.properties()));
        }
        return functions;
    }

    public Map<String, Object> outputs() {
        return section("Outputs");
    }

    /** The Conditions section: name to its (unresolved) condition function. */
    public Map<String, Object> conditions() {
        return section("Conditions");
    }

    private Map<String, Object> section(String name) {
        Object section = root.get(name);
        return section == null ? Map.of() : asMap(section, name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new TemplateException(where + " must be a mapping");
        }
        return (Map<String, Object>) value;
    }

    /** A resource as written in the template, its intrinsics not yet resolved. */
    public record Resource(String logicalId, String type, Map<String, Object> properties) {}
}
