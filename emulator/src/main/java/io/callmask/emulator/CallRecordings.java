package io.callmask.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The account's recordings by sid; the oldest are forgotten beyond {@value #CAPACITY}, as the call log does. */
final class CallRecordings {

    static final int CAPACITY = 1000;

    private final Map<String, CallRecording> recordings = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CallRecording> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void add(CallRecording recording) {
        recordings.put(recording.sid(), recording);
    }

    synchronized Optional<CallRecording> find(String sid) {
        return Optional.ofNullable(recordings.get(sid));
    }

    /** True when there was such a recording. */
    synchronized boolean delete(String sid) {
        return recordings.remove(sid) != null;
    }

    /** The last {@code limit} recordings, oldest first. */
    synchronized List<CallRecording> latest(int limit) {
        List<CallRecording> all = new ArrayList<>(recordings.values());
        return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
    }

    synchronized void clear() {
        recordings.clear();
    }
}
