package io.callmask.carrier.voice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a webhook handler whose answer a caller hears (an incoming call, the answered first leg, a menu): while the
 * database is away, {@link DatabaseAway} answers it with the spoken "cannot connect" message in the carrier's
 * markup. Every other webhook (status, recording, event reports) gets 503 with {@code Retry-After}, so the carrier
 * sends it again rather than have it acknowledged and lost.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AnswersCaller {}
