// A YAML document as a tree whose every node keeps its line and column, read with jackson-dataformat-yaml.
package org.bgpekko.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Jackson's tree model drops positions, so the streaming parser builds this one: maps (keys in order, each key
 * with its own position), lists and scalars (the text and what YAML made of it). Every error is a
 * {@link ConfigException} at {@code file:line:column}: syntax errors where the YAML library stopped, duplicate keys
 * at the second one.
 */
public final class Yaml {
    private Yaml() {}

    /** A node and where it starts. */
    public sealed interface Node permits YMap, YList, Scalar {
        Path file();

        int line();

        int column();

        default ConfigException error(String message) {
            return new ConfigException(file(), line(), column(), message);
        }

        /** What the node is, for messages. */
        String kind();
    }

    /** One key of a map, its position, and its value. */
    public record Entry(String key, int line, int column, Node value) {}

    public record YMap(Path file, int line, int column, Map<String, Entry> entries) implements Node {
        public String kind() {
            return "a map";
        }

        public Entry entry(String key) {
            return entries.get(key);
        }

        public Node get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }
    }

    public record YList(Path file, int line, int column, List<Node> items) implements Node {
        public String kind() {
            return "a list";
        }
    }

    /** A scalar: {@code type} is STRING, INT, FLOAT, BOOL or NULL (an empty value). */
    public record Scalar(Path file, int line, int column, Type type, String text) implements Node {
        public enum Type { STRING, INT, FLOAT, BOOL, NULL }

        public String kind() {
            return switch (type) {
                case STRING -> "the text '" + text + "'";
                case INT, FLOAT -> "the number " + text;
                case BOOL -> "the boolean " + text;
                case NULL -> "an empty value";
            };
        }

        public boolean isNull() {
            return type == Type.NULL;
        }
    }

    /** Reads and parses a file (UTF-8, at most {@link ConfigFile#MAX_BYTES}); null for an empty document. */
    public static Node read(Path file) {
        return parse(file, ConfigFile.read(file));
    }

    /**
     * SnakeYAML refuses documents over 3 MiB of code points by default; a prefix list of an exchange (100,000 entries
     * in general.yml or irr.yml) is larger. The bound is the file's ({@link ConfigFile#MAX_BYTES}).
     */
    private static final YAMLFactory FACTORY = factory().build();

    /**
     * The factory every YAML file of the project is read with (also by data binding: the simulation's scenarios):
     * files up to {@link ConfigFile#MAX_BYTES}, an empty value is null.
     */
    public static YAMLFactoryBuilder factory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(ConfigFile.MAX_BYTES);
        // the builder starts without the parser features new YAMLFactory() has: an empty value is null, as before
        return YAMLFactory.builder().loaderOptions(options).enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL);
    }

    public static Node parse(Path file, String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            Node root = node(file, p, t);
            return root;
        } catch (ConfigException e) {
            throw e;
        } catch (JsonProcessingException e) {
            ConfigException syntax = syntaxError(file, e);
            if (syntax != null) {
                throw syntax;
            }
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML");
            throw new ConfigException(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "invalid YAML: " + message);
        } catch (IOException e) {
            throw new ConfigException(file, 0, 0, "cannot read the file (" + e.getMessage() + ")");
        }
    }

    /** A YAML syntax error at the position where the scanner stopped, or null when {@code e} is not one. */
    public static ConfigException syntaxError(Path file, JsonProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                String context = m.getContext() == null ? "" : m.getContext() + " (line "
                        + (m.getContextMark().getLine() + 1) + ", column " + (m.getContextMark().getColumn() + 1)
                        + "): ";
                return new ConfigException(file, m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1,
                        "invalid YAML: " + context + m.getProblem());
            }
        }
        return null;
    }

    private static Node node(Path file, JsonParser p, JsonToken t) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    JsonLocation kl = p.currentTokenLocation();
                    String key = p.currentName();
                    Node value = node(file, p, p.nextToken());
                    if (entries.putIfAbsent(key, new Entry(key, kl.getLineNr(), kl.getColumnNr(), value)) != null) {
                        Entry first = entries.get(key);
                        throw new ConfigException(file, kl.getLineNr(), kl.getColumnNr(), "the key '" + key
                                + "' is given twice (first at line " + first.line() + ")");
                    }
                }
                return new YMap(file, line, column, entries);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                    items.add(node(file, p, i));
                }
                return new YList(file, line, column, items);
            }
            case VALUE_STRING -> {
                return new Scalar(file, line, column, Scalar.Type.STRING, p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return new Scalar(file, line, column, Scalar.Type.INT, p.getText());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Scalar(file, line, column, Scalar.Type.FLOAT, p.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(file, line, column, Scalar.Type.BOOL, t == JsonToken.VALUE_TRUE ? "true" : "false");
            }
            case VALUE_NULL -> {
                return new Scalar(file, line, column, Scalar.Type.NULL, "");
            }
            default -> throw new ConfigException(file, line, column, "unexpected YAML content (" + t + ")");
        }
    }
}
