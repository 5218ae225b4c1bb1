package io.callmask.console;

/**
 * A session party in the console: its role and external id, its real number redacted (or
 * {@code purged} once retention cleared it), and the masked number it dials and sees.
 */
record PartyView(String role, String externalId, String redacted, String masked) {

    static final PartyView NONE = new PartyView("", "", "", "");
}
