package org.postbinder.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read key by key, with every error pointing at a line and a dotted key path.
 * Keys are consumed as they are read; {@link #rejectUnknownKeys()} then reports whatever is left,
 * which is how a misspelt key becomes an error instead of a silently ignored setting.
 */
final class YamlSection {

    private final String file;
    private final String path;
    private final Node node;
    private final Map<String, NodeTuple> remaining = new LinkedHashMap<>();
    private final java.util.Set<String> keys = new java.util.HashSet<>();

    YamlSection(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, path.isEmpty() ? "the file must be a mapping of keys" : "expected a mapping of keys");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key");
            keys.add(key);
            if (remaining.put(key, tuple) != null) {
                throw error(tuple.getKeyNode(), key, "duplicate key");
            }
        }
    }

    Optional<String> string(String key) {
        return take(key).map(value -> scalar(value, keyPath(key)));
    }


    /** A list of values (a single value counts as a list of one), each converted and checked at its own line. */
    <T> List<T> list(String key, Function<String, T> converter) {
        Optional<Node> value = take(key);
        if (value.isEmpty()) {
            return List.of();
        }
        List<Node> items;
        if (value.get() instanceof SequenceNode sequence) {
            items = sequence.getValue();
        } else if (value.get() instanceof ScalarNode) {
            items = List.of(value.get());
        } else {
            throw error(value.get(), key, "expected a list");
        }
        List<T> converted = new ArrayList<>();
        for (Node item : items) {
            converted.add(convert(item, key, scalar(item, keyPath(key)), converter));
        }
        return converted;
    }

    <T> Optional<T> value(String key, Function<String, T> converter) {
        return take(key).map(value -> convert(value, key, scalar(value, keyPath(key)), converter));
    }

    int integer(String key, int defaultValue, int min, int max) {
        return value(key, raw -> {
            int parsed = Integer.parseInt(raw.strip());
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return parsed;
        }).orElse(defaultValue);
    }

    boolean bool(String key, boolean defaultValue) {
        return value(key, raw -> switch (raw.strip()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        }).orElse(defaultValue);
    }

    Optional<Duration> duration(String key) {
        return value(key, raw -> {
            Duration parsed = DurationStyle.detectAndParse(raw.strip());
            if (parsed.isNegative()) {
                throw new IllegalArgumentException("must not be negative");
            }
            return parsed;
        });
    }

    /** Whether the mapping named this key (read or not). */
    boolean hadKey(String key) {
        return keys.contains(key);
    }

    Optional<YamlSection> section(String key) {
        return take(key).map(value -> new YamlSection(file, keyPath(key), value));
    }

    /** An error about this whole section, at its first line. */
    JobFileException invalid(String problem) {
        return error(node, path.isEmpty() ? problem : path + ": " + problem);
    }

    JobFileException missing(String key) {
        return error(node, key, "is required");
    }

    void rejectUnknownKeys() {
        if (!remaining.isEmpty()) {
            NodeTuple unknown = remaining.values().iterator().next();
            String key = scalar(unknown.getKeyNode(), "a key");
            throw error(unknown.getKeyNode(), key, "unknown key");
        }
    }

    private <T> T convert(Node at, String key, String raw, Function<String, T> converter) {
        try {
            return converter.apply(raw);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw error(at, key, "invalid value '" + raw + "': " + reason);
        }
    }

    private Optional<Node> take(String key) {
        return Optional.ofNullable(remaining.remove(key)).map(NodeTuple::getValueNode);
    }

    private String scalar(Node value, String what) {
        if (!(value instanceof ScalarNode scalar)) {
            throw error(value, what + ": expected a single value");
        }
        return scalar.getValue();
    }

    private String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private JobFileException error(Node at, String key, String problem) {
        return error(at, keyPath(key) + ": " + problem);
    }

    private JobFileException error(Node at, String message) {
        return new JobFileException(file + ":" + (at.getStartMark().getLine() + 1) + ": " + message);
    }
}
