package io.callmask.core.call;

import org.slf4j.MDC;

/**
 * The correlation id of the call a thread is working on: the call's own id, put in the logging context
 * ({@code call_id}) as soon as it is known, so the API request that starts a call, every webhook of that call
 * and every log line about it carry the same value. The request that set it clears it when it ends; work
 * handed to another thread takes it along ({@link #carry}).
 */
public final class CallContext {

    public static final String KEY = "call_id";

    private CallContext() {}

    public static void set(String callId) {
        if (callId != null) {
            MDC.put(KEY, callId);
        }
    }

    public static void clear() {
        MDC.remove(KEY);
    }

    /** {@code task} run with the calling thread's call id, wherever it runs. */
    public static Runnable carry(Runnable task) {
        String callId = MDC.get(KEY);
        if (callId == null) {
            return task;
        }
        return () -> {
            String previous = MDC.get(KEY);
            MDC.put(KEY, callId);
            try {
                task.run();
            } finally {
                if (previous == null) {
                    MDC.remove(KEY);
                } else {
                    MDC.put(KEY, previous);
                }
            }
        };
    }
}
