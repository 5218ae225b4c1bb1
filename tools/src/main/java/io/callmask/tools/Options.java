package io.callmask.tools;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name=value} options and positional arguments; unknown names are an error, not ignored. */
record Options(Map<String, String> named, List<String> positional) {

    static Options parse(String[] args) {
        Map<String, String> named = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("write options as --name=value: " + arg);
                }
                named.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else {
                positional.add(arg);
            }
        }
        return new Options(named, positional);
    }

    void allow(Set<String> names) {
        for (String name : named.keySet()) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (known: " + String.join(", ", names) + ")");
            }
        }
    }

    String only(String what) {
        if (positional.size() != 1) {
            throw new IllegalArgumentException("expected one " + what);
        }
        return positional.get(0);
    }

    String text(String name, String fallback) {
        return named.getOrDefault(name, fallback);
    }

    Integer integer(String name, Integer fallback) {
        String value = named.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number");
        }
    }

    long longValue(String name, long fallback) {
        String value = named.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number");
        }
    }

    Duration duration(String name, Duration fallback) {
        String value = named.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse("PT" + value.toUpperCase());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " must be a duration such as 2h, 30m or 0");
        }
    }
}
