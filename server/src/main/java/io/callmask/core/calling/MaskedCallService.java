package io.callmask.core.calling;

import io.callmask.core.call.Call;
import io.callmask.core.abuse.CallGate;
import io.callmask.core.directory.Order;
import io.callmask.core.directory.Orders;
import io.callmask.core.directory.Retailer;
import io.callmask.core.directory.Retailers;
import io.callmask.core.number.PhoneNumberParser;
import io.callmask.core.policy.CallLimits;
import io.callmask.core.session.PartyRequest;
import io.callmask.core.session.Session;
import io.callmask.core.session.SessionService;
import io.callmask.core.Refusal;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The one-shot "retailer calls the customer of this order": every check happens before anything is
 * written, then the order's session is found or opened and the click-to-call placed. The
 * customer's number always comes from the order; a {@code customerPhone} in the request is only
 * compared with it.
 */
@Service
public class MaskedCallService {

    public static final String RETAILER_ROLE = CallService.RETAILER_ROLE;
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

    public record Placed(Session session, Call call) {}

    /** {@code record}: whether the order's session records its calls (null: as it is, or the default). */
    public Placed place(String orderId, String retailerId, String customerPhone, Boolean record) {
        Retailer retailer = retailers.find(retailerId).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown-retailer",
                "Unknown retailer", "No retailer has the id '" + retailerId + "'."));
        Order order = orders.find(orderId).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown-order", "Unknown order",
                "No order has the id '" + orderId + "'."));
        if (!order.retailerId().equals(retailer.id())) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "order-not-owned", "Not this retailer's order",
                    "The order '" + orderId + "' belongs to another retailer.");
        }
        if (!order.status().active()) {
            gate.orderNotActive(retailer.id(), order.id());
            throw new Refusal(Refusal.Kind.CONFLICT, "order-not-active", "Order not active",
                    "The order '" + orderId + "' is " + order.status().wire() + "; calls are allowed only while it is active.");
        }
        if (customerPhone != null && !customerPhone.isBlank()
                && !numbers.parse("customerPhone", customerPhone).equals(order.customerPhone())) {
            throw new Refusal(Refusal.Kind.NOT_POSSIBLE, "customer-phone-mismatch", "Customer phone does not match",
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
