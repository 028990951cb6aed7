package dev.orderchainer.local.template;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Loads a CloudFormation/SAM YAML template, turning short-form tags (!Ref, !GetAtt, ...) into their long form. */
public final class CloudFormationYaml {
    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue",
            "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or");

    private CloudFormationYaml() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object root = new Yaml(new IntrinsicConstructor()).load(reader);
            if (!(root instanceof Map)) {
                throw new TemplateException(file + " is not a YAML mapping");
            }
            return (Map<String, Object>) root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
            for (String name : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + name), new Intrinsic("Fn::" + name));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                return Map.of(key, deep(node));
            }
        }

        private final class GetAtt extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Object value = deep(node);
                if (value instanceof String dotted) {
                    int dot = dotted.indexOf('.');
                    if (dot < 0) {
                        throw new TemplateException("!GetAtt " + dotted + " needs Resource.Attribute");
                    }
                    value = new ArrayList<>(Arrays.asList(dotted.substring(0, dot), dotted.substring(dot + 1)));
                }
                return Map.of("Fn::GetAtt", value);
            }
        }

        /** The tagged node's own value; tags nested inside it are built by the same constructor. */
        private Object deep(Node node) {
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            if (node instanceof SequenceNode sequence) {
                return new ArrayList<>(constructSequence(sequence));
            }
            return constructMapping((MappingNode) node);
        }
    }
}
