package io.callmask.core.session;

/** A party as the platform names it: a role, its own id for the person, and the real number. */
public record PartyRequest(String role, String id, String number) {}
