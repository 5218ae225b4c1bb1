package io.callmask.tools.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The bench drivers' {@code --name=value} options. */
final class BenchOptions {

    private final Map<String, String> values;

    private BenchOptions(Map<String, String> values) {
        this.values = values;
    }

    static BenchOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("options are --name=value: " + a);
            }
            values.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        return new BenchOptions(values);
    }

    String get(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    int integer(String name, int dflt) {
        return Integer.parseInt(get(name, Integer.toString(dflt)));
    }
}
