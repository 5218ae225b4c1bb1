package io.callmask.core.abuse;

import io.callmask.core.session.Party;

/**
 * Which party of a session is "the retailer" the rules watch: the party with role
 * {@code retailer} and an external id (the platform's retailer id). Sessions without one are not
 * attributed to any retailer and no rule counts them.
 */
public final class RetailerParty {

    public static final String ROLE = "retailer";

    private RetailerParty() {}

    /** The retailer id when {@code party} is a session's retailer, else null. */
    public static String idOf(Party party) {
        return ROLE.equals(party.role()) && party.externalId() != null && !party.externalId().isBlank()
                ? party.externalId() : null;
    }
}
