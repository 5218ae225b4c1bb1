package io.callmask.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The outside world's phones by E.164 number, created on first use with the default behaviour. */
final class Phones {

    private final Map<String, VirtualPhone> phones = new TreeMap<>();

    synchronized VirtualPhone get(String number) {
        return phones.computeIfAbsent(number, VirtualPhone::new);
    }

    synchronized Optional<VirtualPhone> find(String number) {
        return Optional.ofNullable(phones.get(number));
    }

    synchronized List<VirtualPhone> all() {
        return List.copyOf(phones.values());
    }

    synchronized void clear() {
        phones.clear();
    }
}
