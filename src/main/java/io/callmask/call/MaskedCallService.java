package io.callmask.call;

import io.callmask.abuse.CallGate;
import io.callmask.directory.Order;
import io.callmask.directory.Orders;
import io.callmask.directory.Retailer;
import io.callmask.directory.Retailers;
import io.callmask.number.PhoneNumberParser;
import io.callmask.policy.CallLimits;
import io.callmask.session.PartyRequest;
import io.callmask.session.Session;
import io.callmask.session.SessionService;
import io.callmask.web.Problem;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The one-shot "retailer calls the customer of this order": every check happens before anything is
 * written, then the order's session is found or opened and the click-to-call placed. The
 * customer's number always comes from the order; a {@code customerPhone} in the request is only
 * compared with it.
 */
@Service
class MaskedCallService {

    static final String RETAILER_ROLE = CallService.RETAILER_ROLE;
    static final String CUSTOMER_ROLE = CallService.CUSTOMER_ROLE;

    private final Retailers retailers;
    private final Orders orders;
    private final PhoneNumberParser numbers;
    private final SessionService sessions;
    private final CallService calls;
    private final CallLimits limits;
    private final CallGate gate;

    MaskedCallService(Retailers retailers, Orders orders, PhoneNumberParser numbers, SessionService sessions,
            CallService calls, CallLimits limits, CallGate gate) {
        this.limits = limits;
        this.gate = gate;
        this.retailers = retailers;
        this.orders = orders;
        this.numbers = numbers;
        this.sessions = sessions;
        this.calls = calls;
    }

    record Placed(Session session, Call call) {}

    /** {@code record}: whether the order's session records its calls (null: as it is, or the default). */
    Placed place(String orderId, String retailerId, String customerPhone, Boolean record) {
        Retailer retailer = retailers.find(retailerId).orElseThrow(() -> new Problem(404, "unknown-retailer",
                "Unknown retailer", "No retailer has the id '" + retailerId + "'."));
        Order order = orders.find(orderId).orElseThrow(() -> new Problem(404, "unknown-order", "Unknown order",
                "No order has the id '" + orderId + "'."));
        if (!order.retailerId().equals(retailer.id())) {
            throw new Problem(403, "order-not-owned", "Not this retailer's order",
                    "The order '" + orderId + "' belongs to another retailer.");
        }
        if (!order.status().active()) {
            gate.orderNotActive(retailer.id(), order.id());
            throw new Problem(409, "order-not-active", "Order not active",
                    "The order '" + orderId + "' is " + order.status().wire() + "; calls are allowed only while it is active.");
        }
        if (customerPhone != null && !customerPhone.isBlank()
                && !numbers.parse("customerPhone", customerPhone).equals(order.customerPhone())) {
            throw new Problem(422, "customer-phone-mismatch", "Customer phone does not match",
                    "'customerPhone' is not the number on the order '" + orderId + "'.");
        }
        gate.checkMaskedCall(retailer.id(), order.customerPhone());
        // The last check, so a refused or limited request takes nothing from the limits and writes nothing.
        limits.require(retailer.id(), retailer.phone(), order.customerPhone());
        Session session = sessions.open(order.id(), List.of(
                new PartyRequest(RETAILER_ROLE, retailer.id(), retailer.phone().e164()),
                new PartyRequest(CUSTOMER_ROLE, order.customerId(), order.customerPhone().e164())), null, record).session();
        return new Placed(session, calls.startClickToCall(session.id(), RETAILER_ROLE, false));
    }
}
